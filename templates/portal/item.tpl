{{%AUTOESCAPE context="HTML"}}<article>
<table class="meta portal-meta">
  <caption class="visually-hidden">信息元数据</caption>
  <tbody>
  <tr><th scope="row">索引号</th><td>{{INDEX_NO}}</td><th scope="row">主题分类</th><td>{{TOPIC}}</td></tr>
  <tr><th scope="row">发布机构</th><td>{{PUBLISHER}}</td><th scope="row">信息分类</th><td>{{CLASS}}</td></tr>
  <tr><th scope="row">生成日期</th><td>{{CREATED}}</td><th scope="row">发布日期</th><td>{{PUBLISHED}}</td></tr>
  <tr><th scope="row">文号</th><td>{{DOC_NO}}</td><th scope="row">体裁分类</th><td>{{GENRE}}</td></tr>
  <tr><th scope="row">主题词</th><td>{{KEYWORDS}}</td><th scope="row">有效性</th><td>{{VALIDITY}}</td></tr>
  <tr><th scope="row">名称</th><td colspan="3">{{TITLE}}</td></tr>
  </tbody>
</table>
{{#REPEALED}}<p class="notice warn" role="note">本文件已于 {{DATE}} {{VALIDITY}}。</p>{{/REPEALED}}
<h1 class="item-title">{{TITLE}}</h1>
<div class="body">{{BODY:none}}</div>
{{#HAS_ATTACHMENTS}}<section aria-labelledby="att-h"><h2 id="att-h">附件</h2>
<ul class="attachments">{{#ATTACHMENT}}<li><a href="/attachments/{{ID}}">{{NAME}}</a>（{{TYPE}}，{{SIZE}}）</li>{{/ATTACHMENT}}</ul></section>{{/HAS_ATTACHMENTS}}
</article>
