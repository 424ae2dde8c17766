{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="count">共 {{TOTAL}} 条</p>
<table class="list">
  <caption class="visually-hidden">{{HEADING}}</caption>
  <thead><tr><th scope="col">标题</th><th scope="col">版本</th><th scope="col">状态</th><th scope="col">更新时间</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><td><a href="/admin/items/{{ITEM_ID}}">{{TITLE}}</a></td><td>第{{REV_NO}}版</td><td>{{STATE}}</td><td>{{UPDATED}}</td></tr>{{/ROW}}
  </tbody>
</table>
{{#EMPTY}}<p>暂无。</p>{{/EMPTY}}
{{>PAGER}}
