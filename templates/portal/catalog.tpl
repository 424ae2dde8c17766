{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<div class="columns">
<aside class="col facets" aria-label="分类浏览">
{{#FACET}}<section><h2>{{LABEL}}</h2><ul>{{#OPT}}<li{{#SUB}} class="sub"{{/SUB}}>{{#SEL}}<strong aria-current="true">{{TEXT}}（{{COUNT}}）</strong>{{/SEL}}{{#LINK}}<a href="{{URL}}">{{TEXT}}</a>（{{COUNT}}）{{/LINK}}</li>{{/OPT}}</ul></section>{{/FACET}}
</aside>
<section class="col wide" aria-labelledby="results-h">
<h2 id="results-h" class="visually-hidden">信息列表</h2>
<p class="count">共 {{TOTAL}} 条{{#FILTERED}} · <a href="/{{SLUG}}/catalog">清除筛选</a>{{/FILTERED}}</p>
<p class="sort">排序：{{#SORT}}{{#SEL}}<strong>{{TEXT}}</strong>{{/SEL}}{{#LINK}}<a href="{{URL}}">{{TEXT}}</a>{{/LINK}} {{/SORT}}</p>
<table class="list">
  <caption class="visually-hidden">主动公开信息</caption>
  <thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">发布日期</th></tr></thead>
  <tbody>{{#ROW}}<tr><td>{{INDEX_NO}}</td><td><a href="{{URL}}">{{TITLE}}</a>{{#REPEALED}} <span class="tag">已{{VALIDITY}}</span>{{/REPEALED}}</td><td>{{DATE}}</td></tr>{{/ROW}}</tbody>
</table>
{{#EMPTY}}<p>没有符合条件的信息。</p>{{/EMPTY}}
{{>PAGER}}
</section>
</div>
