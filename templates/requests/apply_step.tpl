{{%AUTOESCAPE context="HTML"}}<p class="hint">在线申请 · 第{{STEP_NO}}步，共4步</p>
<h1>{{HEADING}}</h1>
{{>ERRORS}}
{{#INTRO}}<p>{{INTRO_TEXT}}</p>{{/INTRO}}
<form method="post" action="{{ACTION}}" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="step" value="{{STEP}}">
  {{#KEEP}}<input type="hidden" name="{{KEEP_NAME}}" value="{{KEEP_VALUE}}">
  {{/KEEP}}
  {{>FIELD}}
  <button type="submit">继续</button>
</form>
