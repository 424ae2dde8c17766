{{%AUTOESCAPE context="HTML"}}<h1>政府信息公开平台</h1>
<section aria-labelledby="agencies-h"><h2 id="agencies-h">各部门政府信息公开</h2>
<table class="list">
  <caption class="visually-hidden">各部门主动公开信息数量</caption>
  <thead><tr><th scope="col">部门</th><th scope="col">主动公开信息</th><th scope="col">最近更新</th></tr></thead>
  <tbody>{{#AGENCY}}<tr><td><a href="/{{SLUG}}/">{{NAME}}</a></td><td>{{COUNT}} 条</td><td>{{LAST}}</td></tr>{{/AGENCY}}</tbody>
</table></section>
<section aria-labelledby="latest-h"><h2 id="latest-h">最新公开信息</h2>
<ul class="items">{{#ITEM}}<li><a href="{{URL}}">{{TITLE}}</a> <span class="meta">{{AGENCY}} · {{DATE}}</span></li>{{/ITEM}}</ul>
</section>
