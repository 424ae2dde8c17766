{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<section aria-labelledby="published-h">
<h2 id="published-h">年度报告</h2>
<table class="list">
  <caption class="visually-hidden">已发布的政府信息公开工作年度报告</caption>
  <thead><tr><th scope="col">年度</th><th scope="col">名称</th><th scope="col">下载</th><th scope="col">发布日期</th></tr></thead>
  <tbody>{{#REPORT}}<tr><td>{{YEAR}}</td><td><a href="{{URL}}">{{TITLE}}</a></td><td>{{#DL}}<a href="{{URL}}" download>{{FORMAT}}</a> {{/DL}}</td><td>{{DATE}}</td></tr>{{/REPORT}}</tbody>
</table>
{{#NO_REPORTS}}<p>尚未发布年度报告。</p>{{/NO_REPORTS}}
</section>
{{#ITEMS}}<section aria-labelledby="items-h">
<h2 id="items-h">以信息形式发布的年度报告</h2>
<table class="list">
  <caption class="visually-hidden">年度报告类信息</caption>
  <thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">发布日期</th></tr></thead>
  <tbody>{{#ROW}}<tr><td>{{INDEX_NO}}</td><td><a href="{{URL}}">{{TITLE}}</a></td><td>{{DATE}}</td></tr>{{/ROW}}</tbody>
</table></section>{{/ITEMS}}
