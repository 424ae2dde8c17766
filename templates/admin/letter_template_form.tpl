{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL}}</h1>
{{>ERRORS}}
{{#SAVED}}<div class="notice" role="status">已保存。本机关今后出具的此类告知书使用新的文本。</div>{{/SAVED}}
{{#WAS_RESET}}<div class="notice" role="status">已恢复默认文本。</div>{{/WAS_RESET}}
<p>法律依据：{{BASIS}}。{{#CUSTOM}}当前使用本机关文本（{{UPDATED_BY}} 于 {{UPDATED_AT}} 修改）。{{/CUSTOM}}{{#DEFAULT}}当前使用默认文本。{{/DEFAULT}}</p>
<form method="post" action="/admin/letter-templates/{{KEY}}" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#BODY_BAD}} has-error{{/BODY_BAD}}"><label for="body">告知书正文</label>
    <p class="hint" id="body-hint">每行一段。花括号中的占位符在出具时替换为本申请的内容，最多{{MAX_CHARS}}字、{{MAX_LINES}}行。</p>
    {{#BODY_BAD}}<p class="field-error" id="body-error">{{MESSAGE}}</p>{{/BODY_BAD}}
    <textarea id="body" name="body" rows="14" maxlength="{{MAX_CHARS}}" aria-describedby="body-hint{{#BODY_BAD}} body-error{{/BODY_BAD}}"{{#BODY_BAD}} aria-invalid="true"{{/BODY_BAD}}>{{BODY}}</textarea></div>
  <button type="submit" name="action" value="preview" class="secondary">预览</button>
  <button type="submit" name="action" value="save">保存</button>
</form>
<h2>可用的占位符</h2>
<table class="list">
  <caption class="visually-hidden">占位符</caption>
  <thead><tr><th scope="col">占位符</th><th scope="col">含义</th></tr></thead>
  <tbody>{{#PLACEHOLDER}}<tr><td><code>{{NAME}}</code></td><td>{{DESCRIPTION}}{{#REQUIRED}}（必须保留）{{/REQUIRED}}</td></tr>{{/PLACEHOLDER}}</tbody>
</table>
<h2>默认文本</h2>
<pre class="letter-default">{{DEFAULT_TEXT}}</pre>
{{#CUSTOM}}<form method="post" action="/admin/letter-templates/{{KEY}}/reset" class="form">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <button type="submit" class="secondary">恢复默认文本</button>
</form>{{/CUSTOM}}
<h2>预览{{#PREVIEW_UNSAVED}}（未保存的文本）{{/PREVIEW_UNSAVED}}</h2>
<p>以一件虚拟申请为例。<a href="/admin/letter-templates/{{KEY}}?format=pdf">下载当前文本的PDF预览</a></p>
<div class="letter">{{PREVIEW_HTML:none}}</div>
<p><a href="/admin/letter-templates">返回告知书文本列表</a></p>
