{{%AUTOESCAPE context="HTML"}}<h1>政府信息公开统计</h1>
<form method="get" action="/admin/statistics" class="filters" aria-label="选择年度和科室">
  <div class="field"><label for="year">年度</label><select id="year" name="year">{{#YEAR_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/YEAR_OPT}}</select></div>
  <div class="field"><label for="dept">科室（信息发布）</label><select id="dept" name="dept"><option value="">全部</option>{{#DEPT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/DEPT_OPT}}</select></div>
  <button type="submit">查看</button>
</form>
<p>下载全部表格：<a href="/admin/statistics?year={{YEAR}}&amp;dept={{DEPT}}&amp;format=xlsx">XLSX</a> · <a href="/admin/statistics?year={{YEAR}}&amp;dept={{DEPT}}&amp;format=pdf">PDF</a></p>
<div class="report-preview">{{TABLES:none}}</div>
<p>各表CSV：{{#CSV}}<a href="/admin/statistics?year={{YEAR}}&amp;dept={{DEPT}}&amp;format=csv&amp;table={{INDEX}}">{{NAME}}</a> {{/CSV}}</p>
