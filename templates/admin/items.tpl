{{%AUTOESCAPE context="HTML"}}<h1>信息目录</h1>
<form method="get" action="/admin/items" class="filters" role="search" aria-label="筛选信息">
  <div class="field"><label for="q">标题包含</label><input id="q" name="q" value="{{Q}}" maxlength="100"></div>
  <div class="field"><label for="status">状态</label><select id="status" name="status">
    {{#STATUS_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/STATUS_OPT}}</select></div>
  <div class="field"><label for="class">信息分类</label><select id="class" name="class"><option value="">全部</option>
    {{#CLASS_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/CLASS_OPT}}</select></div>
  <div class="field"><label for="dept">科室</label><select id="dept" name="dept"><option value="">全部</option>
    {{#DEPT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/DEPT_OPT}}</select></div>
  <div class="field"><label for="year">发布年份</label><input id="year" name="year" value="{{YEAR}}" inputmode="numeric" maxlength="4" size="4"></div>
  <div class="field"><label for="validity">有效性</label><select id="validity" name="validity"><option value="">全部</option>
    {{#VALIDITY_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/VALIDITY_OPT}}</select></div>
  <button type="submit">筛选</button>
</form>
<p class="count">共 {{TOTAL}} 条</p>
<table class="list">
  <caption class="visually-hidden">信息列表</caption>
  <thead><tr><th scope="col">索引号</th><th scope="col">标题</th><th scope="col">发布日期</th><th scope="col">状态</th><th scope="col">有效性</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><td>{{INDEX_NO}}</td><td><a href="/admin/items/{{ID}}">{{TITLE}}</a>{{#LATE}} <span class="tag warn">超时发布</span>{{/LATE}}</td><td>{{PUBLISH_DATE}}</td><td>{{STATUS}}</td><td>{{VALIDITY}}</td></tr>{{/ROW}}
  </tbody>
</table>
{{>PAGER}}
