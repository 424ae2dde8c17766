{{%AUTOESCAPE context="HTML"}}<h1>机关设置</h1>
{{>ERRORS}}
<form method="post" action="/admin/settings" class="form">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p>机关简称（网址中使用）：{{SLUG}}</p>
  {{#FIELD}}<div class="field{{#BAD}} has-error{{/BAD}}"><label for="{{NAME}}">{{LABEL}}</label>
    {{#HINT}}<p class="hint" id="{{NAME}}-hint">{{TEXT}}</p>{{/HINT}}
    {{#BAD}}<p class="field-error">{{MESSAGE}}</p>{{/BAD}}
    <input id="{{NAME}}" name="{{NAME}}" value="{{VALUE}}" maxlength="{{MAX}}"></div>{{/FIELD}}
  <div class="field"><label for="guide_html">政府信息公开指南（可使用HTML格式）</label><textarea id="guide_html" name="guide_html" rows="12">{{GUIDE}}</textarea></div>
  <div class="field"><label for="rules_html">政府信息公开制度（可使用HTML格式）</label><textarea id="rules_html" name="rules_html" rows="12">{{RULES}}</textarea></div>
  <button type="submit">保存</button>
</form>
