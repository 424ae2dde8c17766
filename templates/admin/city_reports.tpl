{{%AUTOESCAPE context="HTML"}}<h1>全市政府信息公开年度报告汇总</h1>
<form method="get" action="/admin/city-reports" class="filters" aria-label="选择年度">
  <div class="field"><label for="year">年度</label><select id="year" name="year">{{#YEAR_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/YEAR_OPT}}</select></div>
  <button type="submit">查看</button>
</form>
<p>下载：{{#DL}}<a href="/admin/city-reports?year={{YEAR}}&amp;format={{FORMAT}}">{{FORMAT}}</a> {{/DL}}<a href="/admin/city-reports?year={{YEAR}}&amp;format=json">JSON</a></p>
{{#PROBLEMS}}<div class="notice warn" role="alert"><p>有{{COUNT}}件申请的数据无法计入表三，请相关机关更正：</p>
<ul>{{#PROBLEM}}<li>{{CODE}}：{{REASON}}</li>{{/PROBLEM}}</ul></div>{{/PROBLEMS}}
<div class="report-preview">{{BODY:none}}</div>
