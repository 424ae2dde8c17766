{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}政府信息公开</h1>
<div class="columns">
<section aria-labelledby="parts-h" class="col"><h2 id="parts-h">栏目</h2>
<ul class="parts">
  <li><a href="/{{SLUG}}/guide">政府信息公开指南</a></li>
  <li><a href="/{{SLUG}}/rules">政府信息公开制度</a></li>
  <li><a href="/{{SLUG}}/catalog">法定主动公开内容</a>（共 {{TOTAL}} 条）</li>
  <li><a href="/{{SLUG}}/reports">政府信息公开年报</a></li>
  <li><a href="/{{SLUG}}/apply">依申请公开</a></li>
</ul>
<h2 id="classes-h">信息分类</h2>
<ul class="tree" aria-labelledby="classes-h">{{#CLASS}}<li><a href="/{{SLUG}}/catalog?class={{ID}}">{{NAME}}</a>（{{COUNT}}）{{#HAS_SUB}}<ul>{{#SUB}}<li><a href="/{{SLUG}}/catalog?class={{ID}}">{{NAME}}</a>（{{COUNT}}）</li>{{/SUB}}</ul>{{/HAS_SUB}}</li>{{/CLASS}}</ul>
</section>
<section aria-labelledby="latest-h" class="col wide"><h2 id="latest-h">最新公开</h2>
<ul class="items">{{#ITEM}}<li><a href="{{URL}}">{{TITLE}}</a> <span class="meta">{{DATE}}</span></li>{{/ITEM}}</ul>
<p><a href="/{{SLUG}}/catalog">查看全部</a> · <a href="/{{SLUG}}/feed.atom">订阅（Atom）</a></p>
</section>
</div>
