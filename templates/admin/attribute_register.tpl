{{%AUTOESCAPE context="HTML"}}<h1>公开属性登记（源头认定）</h1>
<p class="hint">每条信息在制作时认定的公开属性及认定人；不予公开须写明法定理由。同一信息的多次认定均保留，最新一次为准。</p>
<form method="get" action="/admin/registers/attributes" class="form filters">
  <div class="field"><label for="mode">公开属性</label><select id="mode" name="mode"><option value="">全部</option>{{#MODE_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/MODE_OPT}}</select></div>
  <div class="field"><label for="q">标题包含</label><input id="q" name="q" value="{{Q}}" maxlength="100"></div>
  <button type="submit" class="secondary">查询</button>
</form>
<table class="list">
  <caption>共 {{TOTAL}} 条认定记录</caption>
  <thead><tr><th scope="col">索引号</th><th scope="col">信息名称</th><th scope="col">公开属性</th><th scope="col">法定理由</th><th scope="col">说明</th><th scope="col">认定人</th><th scope="col">认定时间</th></tr></thead>
  <tbody>{{#ROW}}<tr><td>{{INDEX_NO}}</td><td><a href="/admin/items/{{ITEM_ID}}">{{TITLE}}</a></td><td>{{MODE}}</td><td>{{REASON}}</td><td>{{REMARKS}}</td><td>{{BY}}</td><td>{{AT}}</td></tr>{{/ROW}}</tbody>
</table>
{{>PAGER}}
