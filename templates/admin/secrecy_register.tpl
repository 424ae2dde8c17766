{{%AUTOESCAPE context="HTML"}}<h1>保密审查登记</h1>
<p class="hint">发布前保密审查环节的每次审查（通过或退回）自动登记：信息、审查人、时间、结果、意见。</p>
<form method="get" action="/admin/registers/secrecy" class="form filters">
  <div class="field"><label for="q">标题或意见包含</label><input id="q" name="q" value="{{Q}}" maxlength="100"></div>
  <div class="field"><label for="result">结果</label><select id="result" name="result"><option value="">全部</option>{{#RESULT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/RESULT_OPT}}</select></div>
  <div class="field"><label for="department_id">科室</label><select id="department_id" name="department_id"><option value="">全部</option>{{#DEPT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/DEPT_OPT}}</select></div>
  <div class="field"><label for="from">审查日期自</label><input id="from" name="from" value="{{FROM}}" placeholder="2026-01-01" maxlength="10"></div>
  <div class="field"><label for="to">至</label><input id="to" name="to" value="{{TO}}" placeholder="2026-12-31" maxlength="10"></div>
  <button type="submit" class="secondary">查询</button>
</form>
<p><a href="/admin/registers/secrecy/export?{{EXPORT_QUERY}}&amp;format=pdf">导出 PDF</a> · <a href="/admin/registers/secrecy/export?{{EXPORT_QUERY}}&amp;format=docx">导出 Word</a> · <a href="/admin/registers/secrecy/export?{{EXPORT_QUERY}}&amp;format=xlsx">导出 Excel</a></p>
<table class="list">
  <caption>共 {{TOTAL}} 条</caption>
  <thead><tr><th scope="col">索引号</th><th scope="col">信息名称</th><th scope="col">科室</th><th scope="col">审查人</th><th scope="col">审查时间</th><th scope="col">结果</th><th scope="col">意见</th></tr></thead>
  <tbody>{{#ROW}}<tr><td>{{INDEX_NO}}</td><td><a href="/admin/items/{{ITEM_ID}}">{{TITLE}}</a></td><td>{{DEPT}}</td><td>{{REVIEWER}}</td><td>{{AT}}</td><td><span class="quota-status {{RESULT_ID}}">{{RESULT}}</span></td><td>{{REMARKS}}</td></tr>{{/ROW}}</tbody>
</table>
{{>PAGER}}
