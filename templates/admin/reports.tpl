{{%AUTOESCAPE context="HTML"}}<h1>政府信息公开年度报告</h1>
<form method="get" action="/admin/reports" class="filters" aria-label="选择年度和格式">
  <div class="field"><label for="year">年度</label><select id="year" name="year">{{#YEAR_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/YEAR_OPT}}</select></div>
  <div class="field"><label for="layout">格式</label><select id="layout" name="layout">{{#LAYOUT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/LAYOUT_OPT}}</select></div>
  <button type="submit">查看</button>
</form>
{{>ERRORS}}
{{#PROBLEMS}}<div class="notice warn" role="alert"><h2>表三数据不平衡</h2>
<p>勾稽关系“一＋二＝三（七）＋四”在以下各列不成立：{{COLUMNS}}。原因在于下列申请，请先更正后再发布：</p>
<ul>{{#PROBLEM}}<li><a href="/admin/requests/{{ID}}">{{CODE}}</a>：{{REASON}}</li>{{/PROBLEM}}</ul></div>{{/PROBLEMS}}
<h2>统计数据（{{YEAR}}年1月1日至12月31日）</h2>
<table class="meta">
  <caption class="visually-hidden">主要统计数据</caption>
  <tbody>
  {{#FIGURE}}<tr><th scope="row">{{LABEL}}</th><td>{{VALUE}}</td></tr>{{/FIGURE}}
  </tbody>
</table>
<p>计数规则：以发布日期确定信息所属年度，已废止、失效的信息计入累计数；跨年度办理的申请计入“上年结转”和“结转下年度”；复议诉讼按年底时的状态计入。</p>
<h2>预览</h2>
<p><a href="/admin/reports/preview?year={{YEAR}}&amp;layout={{LAYOUT}}&amp;format=pdf">下载预览 PDF</a> · <a href="/admin/reports/preview?year={{YEAR}}&amp;layout={{LAYOUT}}&amp;format=html">下载预览 HTML</a>{{#DL}} · <a href="/admin/reports/preview?year={{YEAR}}&amp;layout={{LAYOUT}}&amp;format={{FORMAT}}">下载预览 {{FORMAT}}</a>{{/DL}} · <a href="/admin/reports/preview?year={{YEAR}}&amp;layout={{LAYOUT}}&amp;format=json">JSON</a></p>
<div class="report-preview">{{PREVIEW:none}}</div>
{{#EDIT}}<h2 id="edit">编写报告</h2>
<p>{{#STORED}}已保存于 {{UPDATED_AT}}。{{/STORED}}{{#NOT_STORED}}尚未保存：下列文字由系统根据数据生成，可在此基础上修改。{{/NOT_STORED}}含数字的段落（主动公开情况、依申请公开、收费、复议诉讼及表格）由系统统计生成，不在此编辑。</p>
<form method="post" action="/admin/reports/draft" class="form">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="year" value="{{YEAR}}">
  <input type="hidden" name="layout" value="{{LAYOUT}}">
  {{#PART}}<div class="field{{#BAD}} has-error{{/BAD}}"><label for="part.{{KEY}}">{{LABEL}}{{#REQ}} <span class="req">（必填）</span>{{/REQ}}</label>
    {{#BAD}}<p class="field-error" id="part.{{KEY}}-error">{{MESSAGE}}</p>{{/BAD}}
    <p class="hint">可使用段落、列表等HTML格式；保存时会清除不安全的内容。</p>
    <textarea id="part.{{KEY}}" name="part.{{KEY}}" rows="8">{{VALUE}}</textarea></div>{{/PART}}
  {{#FIGURES}}<h3>表二中需要填写的数据</h3>
  {{#FIG}}<div class="field{{#BAD}} has-error{{/BAD}}"><label for="{{NAME}}">{{LABEL}}</label>
    {{#BAD}}<p class="field-error" id="{{NAME}}-error">{{MESSAGE}}</p>{{/BAD}}
    <input id="{{NAME}}" name="{{NAME}}" value="{{VALUE}}" maxlength="16" inputmode="decimal"></div>{{/FIG}}{{/FIGURES}}
  <button type="submit">保存</button>
</form>
<h2>发布</h2>
<p>发布后报告即在门户网站“政府信息公开年报”栏目公开，内容固定不变；数据或文字更改后可再次发布，形成新版本。</p>
<form method="post" action="/admin/reports/publish" class="form">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="year" value="{{YEAR}}">
  <input type="hidden" name="layout" value="{{LAYOUT}}">
  <div class="field"><label for="signed_on">落款日期</label><input id="signed_on" name="signed_on" type="date" value="{{SIGNED_ON}}" maxlength="10"></div>
  <button type="submit">发布{{YEAR}}年度报告</button>
</form>{{/EDIT}}
<h2>已发布版本</h2>
{{#VERSIONS}}<table class="list"><caption class="visually-hidden">已发布版本</caption>
<thead><tr><th scope="col">版本</th><th scope="col">发布时间</th></tr></thead>
<tbody>{{#VERSION}}<tr><td>第{{VERSION}}版</td><td>{{AT}}</td></tr>{{/VERSION}}</tbody></table>
<p><a href="/{{SLUG}}/reports/{{YEAR}}">在门户网站查看</a></p>{{/VERSIONS}}
{{#NO_VERSIONS}}<p>本年度本格式的报告尚未发布。</p>{{/NO_VERSIONS}}
