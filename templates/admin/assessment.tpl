{{%AUTOESCAPE context="HTML"}}<h1>政府信息公开工作考核 · {{PERIOD_LABEL}}</h1>
<nav aria-label="考核期间" class="tabs"><ul>{{#PERIOD_TAB}}<li><a href="/admin/assessment?period={{ID}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/PERIOD_TAB}}</ul></nav>
<form method="get" action="/admin/assessment" class="form inline-form">
  <label for="period">考核期间（月 2026-11、季度 2026-Q4、年 2026）</label>
  <input id="period" name="period" value="{{PERIOD}}" maxlength="7">
  <button type="submit" class="secondary">查看</button>
</form>
{{>ERRORS}}
<p><a href="/admin/assessment/export?period={{PERIOD}}&amp;format=pdf">导出 PDF</a> · <a href="/admin/assessment/export?period={{PERIOD}}&amp;format=docx">导出 Word</a> · <a href="/admin/assessment/export?period={{PERIOD}}&amp;format=xlsx">导出 Excel</a></p>
<p>统计截至 {{AS_OF}}；{{SCHEME}}。{{#SCHEME_NOTE}}说明：{{NOTE}}{{/SCHEME_NOTE}}</p>
<p class="hint">得分 = 100 × Σ(权重 × 指标值) ÷ Σ(适用指标的权重)，再加人工调整，限 0 至 100 分。不适用的指标不计入，其权重按比例分给其他指标。</p>
<table class="list assessment" tabindex="0">
  <caption>各科室考核得分（每个指标：指标值、分子/分母、得分）</caption>
  <thead><tr><th scope="col">排名</th><th scope="col">科室</th>{{#IND_HEAD}}<th scope="col">{{LABEL}}<br>（权重{{WEIGHT}}）</th>{{/IND_HEAD}}<th scope="col">人工调整</th><th scope="col">总分</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><td>{{RANK}}</td><th scope="row">{{DEPT}}</th>{{#IND}}<td>{{VALUE}} <span class="hint">{{COUNTS}}</span><br>得分 {{CONTRIB}}</td>{{/IND}}<td>{{ADJ}}</td><td><strong>{{TOTAL}}</strong></td></tr>
  <tr class="explain"><td></td><td colspan="9">{{FORMULA}}{{#ADJUSTMENT}}<br>人工调整 {{POINTS}} 分：{{REASON}}（{{BY}}，{{AT}}）{{/ADJUSTMENT}}</td></tr>{{/ROW}}
  </tbody>
</table>
{{#TREND}}<h2>月度得分趋势</h2>
<figure class="chart-figure">{{CHART:none}}</figure>{{/TREND}}
<h2>指标说明</h2>
<dl>{{#IND_RULE}}<dt>{{LABEL}}</dt><dd>{{RULE}}</dd>{{/IND_RULE}}</dl>
{{#OFFICE}}
<h2>考核权重</h2>
<form method="post" action="/admin/assessment/weights" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="period" value="{{PERIOD}}">
  {{#WEIGHT}}<div class="field"><label for="w_{{ID}}">{{LABEL}}（0-100）</label>{{#BAD}}<p class="field-error" id="w_{{ID}}-error">{{MESSAGE}}</p>{{/BAD}}
    <input id="w_{{ID}}" name="w_{{ID}}" value="{{VALUE}}" maxlength="3" inputmode="numeric"{{#BAD}} aria-invalid="true" aria-describedby="w_{{ID}}-error"{{/BAD}}></div>{{/WEIGHT}}
  <div class="field"><label for="note">说明（可选）</label><input id="note" name="note" maxlength="500"></div>
  <button type="submit">保存为新版本</button>
</form>
<table class="list">
  <caption>权重历史版本</caption>
  <thead><tr><th scope="col">版本</th><th scope="col">权重</th><th scope="col">说明</th><th scope="col">设置人</th><th scope="col">时间</th></tr></thead>
  <tbody>{{#SCHEME_ROW}}<tr><td>第{{VERSION}}版</td><td>{{WEIGHTS}}</td><td>{{NOTE}}</td><td>{{BY}}</td><td>{{AT}}</td></tr>{{/SCHEME_ROW}}</tbody>
</table>
<h2>人工调整</h2>
<form method="post" action="/admin/assessment/adjustments" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="period" value="{{PERIOD}}">
  <div class="field"><label for="department_id">科室</label>{{#BAD_department_id}}<p class="field-error" id="department_id-error">{{MESSAGE}}</p>{{/BAD_department_id}}
    <select id="department_id"{{#BAD_department_id}} aria-invalid="true" aria-describedby="department_id-error"{{/BAD_department_id}} name="department_id"><option value="">请选择</option>{{#DEPT_OPT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/DEPT_OPT}}</select></div>
  <div class="field"><label for="points">加减分（-20 至 20，最多一位小数）</label>{{#BAD_points}}<p class="field-error" id="points-error">{{MESSAGE}}</p>{{/BAD_points}}
    <input id="points"{{#BAD_points}} aria-invalid="true" aria-describedby="points-error"{{/BAD_points}} name="points" maxlength="5"></div>
  <div class="field"><label for="reason">理由（必填，记入审计日志）</label>{{#BAD_reason}}<p class="field-error" id="reason-error">{{MESSAGE}}</p>{{/BAD_reason}}
    <textarea id="reason"{{#BAD_reason}} aria-invalid="true" aria-describedby="reason-error"{{/BAD_reason}} name="reason" maxlength="500" rows="3"></textarea></div>
  <button type="submit">添加调整</button>
</form>
{{/OFFICE}}
