{{%AUTOESCAPE context="HTML"}}<h1>{{DEPT}} · {{MONTH_LABEL}}信息报送</h1>
<nav aria-label="切换月份" class="tabs"><ul>
  <li><a href="/admin/quota/departments/{{DEPT_ID}}?month={{PREV}}">上一月</a></li>
  <li><a href="/admin/quota/departments/{{DEPT_ID}}?month={{NEXT}}">下一月</a></li>
</ul></nav>
{{#NOTICES}}<section aria-labelledby="notices-h" class="notice warn"><h2 id="notices-h">提醒</h2>
<ul>{{#NOTICE}}<li>{{AT}} {{KIND}}：{{MESSAGE}}</li>{{/NOTICE}}</ul></section>{{/NOTICES}}
{{#HAS_QUOTA}}
<dl class="figures">
  <div><dt>本月定额</dt><dd>{{REQUIRED}} 条</dd></div>
  <div><dt>截止日</dt><dd>{{DUE}}</dd></div>
  <div><dt>已报送</dt><dd>{{SUBMITTED}} 条（截止日前 {{ON_TIME}} 条）</dd></div>
  <div><dt>已发布</dt><dd>{{APPROVED}} 条</dd></div>
  <div><dt>被退回</dt><dd>{{RETURNED}} 次</dd></div>
  <div><dt>剩余工作日</dt><dd>{{DAYS_LEFT}} 天</dd></div>
  <div><dt>状态</dt><dd><span class="quota-status {{STATUS_ID}}">{{STATUS}}</span></dd></div>
</dl>
<p class="hint">截止日计算：{{DUE_WHY}}。</p>
{{/HAS_QUOTA}}
{{#NO_QUOTA}}<p>办公室尚未为本科室设定{{MONTH_LABEL}}的报送定额。本月已报送 {{SUBMITTED}} 条，已发布 {{APPROVED}} 条，被退回 {{RETURNED}} 次。</p>{{/NO_QUOTA}}
<h2>本年各月</h2>
<table class="list" tabindex="0">
  <caption class="visually-hidden">本年各月报送情况</caption>
  <thead><tr><th scope="col">月份</th><th scope="col">定额</th><th scope="col">截止日</th><th scope="col">已报送</th><th scope="col">按时报送</th><th scope="col">已发布</th><th scope="col">被退回</th><th scope="col">状态</th></tr></thead>
  <tbody>{{#MONTH_ROW}}<tr><th scope="row">{{LABEL}}</th><td>{{REQUIRED}}</td><td>{{DUE}}</td><td>{{SUBMITTED}}</td><td>{{ON_TIME}}</td><td>{{APPROVED}}</td><td>{{RETURNED}}</td><td><span class="quota-status {{STATUS_ID}}">{{STATUS}}</span></td></tr>{{/MONTH_ROW}}</tbody>
</table>
