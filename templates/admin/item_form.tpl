{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#ERRORS}}<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">请修改以下问题</h2>
  <ul>{{#ERR}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERR}}</ul>
</div>{{/ERRORS}}
<form method="post" action="{{ACTION}}" class="form">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#TEXT_FIELD}}
  <div class="field{{#BAD}} has-error{{/BAD}}"><label for="{{NAME}}">{{LABEL}}{{#REQ}} <span class="req">（必填）</span>{{/REQ}}</label>
    {{#BAD}}<p class="field-error" id="{{NAME}}-error">{{MESSAGE}}</p>{{/BAD}}
    <input id="{{NAME}}" name="{{NAME}}" value="{{VALUE}}" maxlength="{{MAX}}"{{#BAD}} aria-invalid="true" aria-describedby="{{NAME}}-error"{{/BAD}}{{#HINT}} placeholder="{{HINT}}"{{/HINT}}></div>
  {{/TEXT_FIELD}}
  {{#SELECT_FIELD}}
  <div class="field{{#BAD}} has-error{{/BAD}}"><label for="{{NAME}}">{{LABEL}}{{#REQ}} <span class="req">（必填）</span>{{/REQ}}</label>
    {{#BAD}}<p class="field-error" id="{{NAME}}-error">{{MESSAGE}}</p>{{/BAD}}
    <select id="{{NAME}}" name="{{NAME}}"{{#BAD}} aria-invalid="true" aria-describedby="{{NAME}}-error"{{/BAD}}><option value="">请选择</option>
    {{#OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/OPT}}</select></div>
  {{/SELECT_FIELD}}
  <div class="field{{#BODY_BAD}} has-error{{/BODY_BAD}}"><label for="body_html">正文（可使用段落、表格、列表、链接等HTML格式）</label>
    {{#BODY_BAD}}<p class="field-error">{{MESSAGE}}</p>{{/BODY_BAD}}
    <textarea id="body_html" name="body_html" rows="16">{{BODY}}</textarea></div>
  <button type="submit">保存草稿</button>
</form>
