{{%AUTOESCAPE context="HTML"}}<h1>工作日历</h1>
{{>ERRORS}}
{{#RESULT}}<div class="notice" role="status">已导入 {{YEAR}} 年节假日安排（{{FORMAT}}，{{ENTRIES}} 天）。重新计算在办申请 {{CHECKED}} 件，其中答复期限变动 {{MOVED}} 件，变动情况已记入各申请的办理记录。</div>{{/RESULT}}
<p>答复期限按工作日计算：周六、周日和国务院办公厅通知的法定节假日不计，通知安排的调休上班日计入。{{RULE}}</p>
<p>程序自带 2008 年至 2026 年的节假日安排。国务院办公厅发布新一年的通知后，请在此导入；导入的安排替换该年已有的数据，对所有机关生效，并重新计算所有在办申请的答复期限。</p>
<section aria-labelledby="import-h"><h2 id="import-h">导入节假日安排</h2>
<form method="post" action="/admin/calendar" enctype="multipart/form-data" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#FILE_BAD}} has-error{{/FILE_BAD}}"><label for="file">节假日安排文件</label>
    <p class="hint" id="file-hint">可以是 npm 包 chinese-days 的 dist/years/YYYY.json、holiday-calendar 的 data/CN/YYYY.json，或每行“日期&lt;TAB&gt;off|work&lt;TAB&gt;节日名称”的表格文本（off 放假，work 调休上班）。不超过1MB。</p>
    {{#FILE_BAD}}<p class="field-error" id="file-error">{{FILE_MESSAGE}}</p>{{/FILE_BAD}}
    <input type="file" id="file" name="file" accept=".json,.txt,.tsv,application/json,text/plain" aria-describedby="file-hint"></div>
  <div class="field"><label for="text">或直接粘贴文件内容</label>
    <textarea id="text" name="text" rows="8">{{TEXT}}</textarea></div>
  <div class="field{{#YEAR_BAD}} has-error{{/YEAR_BAD}}"><label for="year">通知所属年份（选填）</label>
    <p class="hint" id="year-hint">不填时取文件中多数日期所在的年份</p>
    {{#YEAR_BAD}}<p class="field-error" id="year-error">{{YEAR_MESSAGE}}</p>{{/YEAR_BAD}}
    <input id="year" name="year" inputmode="numeric" maxlength="4" value="{{YEAR_VALUE}}" aria-describedby="year-hint"></div>
  <button type="submit">导入并重新计算期限</button>
</form></section>
<section aria-labelledby="years-h"><h2 id="years-h">已收录的年份</h2>
<table class="list"><caption class="visually-hidden">已收录的年份</caption>
<thead><tr><th scope="col">年份</th><th scope="col">放假日</th><th scope="col">调休上班日</th><th scope="col">来源</th></tr></thead><tbody>
{{#YEAR_ROW}}<tr><td>{{ROW_YEAR}}</td><td>{{ROW_HOLIDAYS}}</td><td>{{ROW_WORKDAYS}}</td><td>{{ROW_SOURCE}}</td></tr>{{/YEAR_ROW}}
</tbody></table></section>
