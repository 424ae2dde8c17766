{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{>ERRORS}}
{{#READ_ONLY}}<p>您可以查看本记录；只有办公室和申请受理员可以修改。</p>{{/READ_ONLY}}
<form method="post" action="{{ACTION}}" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#SELECT_FIELD}}<div class="field{{#BAD}} has-error{{/BAD}}"><label for="{{NAME}}">{{LABEL}}</label>
    {{#BAD}}<p class="field-error" id="{{NAME}}-error">{{MESSAGE}}</p>{{/BAD}}
    <select id="{{NAME}}" name="{{NAME}}"{{#BAD}} aria-invalid="true" aria-describedby="{{NAME}}-error"{{/BAD}}>
    {{#OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/OPT}}</select></div>{{/SELECT_FIELD}}
  {{#TEXT_FIELD}}<div class="field{{#BAD}} has-error{{/BAD}}"><label for="{{NAME}}">{{LABEL}}</label>
    {{#HINT}}<p class="hint">{{HINT}}</p>{{/HINT}}
    {{#BAD}}<p class="field-error" id="{{NAME}}-error">{{MESSAGE}}</p>{{/BAD}}
    <input id="{{NAME}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}" maxlength="{{MAX}}"{{#BAD}} aria-invalid="true" aria-describedby="{{NAME}}-error"{{/BAD}}></div>{{/TEXT_FIELD}}
  <div class="field{{#REMARKS_BAD}} has-error{{/REMARKS_BAD}}"><label for="remarks">备注</label>
    {{#REMARKS_BAD}}<p class="field-error" id="remarks-error">{{MESSAGE}}</p>{{/REMARKS_BAD}}
    <textarea id="remarks" name="remarks" rows="4" maxlength="2000">{{REMARKS}}</textarea></div>
  {{#CAN_EDIT}}<button type="submit">保存</button>{{/CAN_EDIT}}
</form>
<p><a href="/admin/appeals">返回案件列表</a></p>
