{{%AUTOESCAPE context="HTML"}}<h1>信息报送定额 · {{MONTH_LABEL}}</h1>
<nav aria-label="切换月份" class="tabs"><ul>
  <li><a href="/admin/quota?month={{PREV}}">上一月</a></li>
  <li><a href="/admin/quota?month={{NEXT}}">下一月</a></li>
  <li><a href="/admin/assessment?period={{MONTH}}">本月考核</a></li>
  <li><a href="/admin/bulletin?month={{MONTH}}&amp;size=A4">本月公开栏（A4）</a></li>
  <li><a href="/admin/bulletin?month={{MONTH}}&amp;size=A3">本月公开栏（A3）</a></li>
</ul></nav>
{{>ERRORS}}
{{#NOTICES}}<section aria-labelledby="notices-h" class="notice warn"><h2 id="notices-h">提醒</h2>
<ul>{{#NOTICE}}<li>{{AT}} {{KIND}}：{{MESSAGE}}</li>{{/NOTICE}}</ul></section>{{/NOTICES}}
<table class="list quota">
  <caption>各科室{{MONTH_LABEL}}报送情况（状态：达标＝截止日前报送数达到定额；未达标＝尚未达到、截止日未过；逾期＝截止日已过仍未达到）</caption>
  <thead><tr><th scope="col">科室</th><th scope="col">定额（条）</th><th scope="col">截止日</th><th scope="col">已报送</th><th scope="col">按时报送</th><th scope="col">已发布</th><th scope="col">被退回</th><th scope="col">剩余工作日</th><th scope="col">状态</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><th scope="row"><a href="/admin/quota/departments/{{DEPT_ID}}?month={{MONTH}}">{{DEPT}}</a></th><td>{{REQUIRED}}</td><td title="{{DUE_WHY}}">{{DUE}}</td><td>{{SUBMITTED}}</td><td>{{ON_TIME}}</td><td>{{APPROVED}}</td><td>{{RETURNED}}</td><td>{{DAYS_LEFT}}</td><td><span class="quota-status {{STATUS_ID}}">{{STATUS}}</span></td></tr>{{/ROW}}
  </tbody>
</table>
<figure class="chart-figure">{{CHART:none}}</figure>
<h2>{{YEAR}}年各月趋势</h2>
<table class="list trend" tabindex="0">
  <caption class="visually-hidden">各科室各月状态（按时报送数/定额）</caption>
  <thead><tr><th scope="col">科室</th>{{#TREND_MONTH}}<th scope="col">{{LABEL}}</th>{{/TREND_MONTH}}</tr></thead>
  <tbody>{{#TREND_ROW}}<tr><th scope="row">{{DEPT}}</th>{{#CELL}}<td><span class="quota-status {{STATUS_ID}}">{{STATUS}}</span> {{COUNTS}}</td>{{/CELL}}</tr>{{/TREND_ROW}}</tbody>
</table>
<h2>{{YEAR}}年定额规则</h2>
<table class="list">
  <caption class="visually-hidden">定额规则（月度规则优先于全年规则）</caption>
  <thead><tr><th scope="col">科室</th><th scope="col">适用</th><th scope="col">条数</th><th scope="col">截止日</th><th scope="col">遇非工作日</th><th scope="col">操作</th></tr></thead>
  <tbody>{{#RULE}}<tr><td>{{DEPT}}</td><td>{{SCOPE}}</td><td>{{ITEMS}}</td><td>{{DUE_DAY}}</td><td>{{SHIFT}}</td>
  <td>{{#CAN_DELETE}}<form class="inline" method="post" action="/admin/quota/rules/{{ID}}/delete"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="link">删除<span class="visually-hidden">{{DEPT}} {{SCOPE}}</span></button></form>{{/CAN_DELETE}}</td></tr>{{/RULE}}</tbody>
</table>
{{#OFFICE}}
<h2>设定定额</h2>
<form method="post" action="/admin/quota/rules" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="view_month" value="{{MONTH}}">
  <div class="field"><label for="department_id">科室</label>{{#BAD_department_id}}<p class="field-error" id="department_id-error">{{MESSAGE}}</p>{{/BAD_department_id}}
    <select id="department_id"{{#BAD_department_id}} aria-invalid="true" aria-describedby="department_id-error"{{/BAD_department_id}} name="department_id"><option value="">请选择</option>{{#DEPT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/DEPT_OPT}}</select></div>
  <div class="field"><label for="year">年份</label>{{#BAD_year}}<p class="field-error" id="year-error">{{MESSAGE}}</p>{{/BAD_year}}
    <input id="year"{{#BAD_year}} aria-invalid="true" aria-describedby="year-error"{{/BAD_year}} name="year" value="{{F_YEAR}}" maxlength="4" inputmode="numeric"></div>
  <div class="field"><label for="month">月份（1-12；留空为全年规则，月度规则优先）</label>{{#BAD_month}}<p class="field-error" id="month-error">{{MESSAGE}}</p>{{/BAD_month}}
    <input id="month"{{#BAD_month}} aria-invalid="true" aria-describedby="month-error"{{/BAD_month}} name="rule_month" value="{{F_MONTH}}" maxlength="2" inputmode="numeric"></div>
  <div class="field"><label for="items">每月报送条数</label>{{#BAD_items}}<p class="field-error" id="items-error">{{MESSAGE}}</p>{{/BAD_items}}
    <input id="items"{{#BAD_items}} aria-invalid="true" aria-describedby="items-error"{{/BAD_items}} name="items" value="{{F_ITEMS}}" maxlength="4" inputmode="numeric"></div>
  <div class="field"><label for="due_day">截止日（每月几日；小月取月末）</label>{{#BAD_due_day}}<p class="field-error" id="due_day-error">{{MESSAGE}}</p>{{/BAD_due_day}}
    <input id="due_day"{{#BAD_due_day}} aria-invalid="true" aria-describedby="due_day-error"{{/BAD_due_day}} name="due_day" value="{{F_DUE_DAY}}" maxlength="2" inputmode="numeric"></div>
  <div class="field"><label for="shift">截止日遇周末或节假日</label>{{#BAD_shift}}<p class="field-error" id="shift-error">{{MESSAGE}}</p>{{/BAD_shift}}
    <select id="shift"{{#BAD_shift}} aria-invalid="true" aria-describedby="shift-error"{{/BAD_shift}} name="shift">{{#SHIFT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/SHIFT_OPT}}</select></div>
  <button type="submit">保存定额</button>
</form>
<h2>提醒设置</h2>
<form method="post" action="/admin/quota/settings" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="remind_workdays">截止前几个工作日提醒未达标科室（0-20）</label>
    <input id="remind_workdays" name="remind_workdays" value="{{REMIND}}" maxlength="2" inputmode="numeric"></div>
  <button type="submit" class="secondary">保存</button>
</form>
{{/OFFICE}}
