{{%AUTOESCAPE context="HTML"}}<h1>工作台</h1>
<ul class="cards">
  <li><a href="/admin/drafts"><span class="num">{{DRAFTS}}</span> 我的草稿与退回</a></li>
  <li><a href="/admin/reviews"><span class="num">{{REVIEWS}}</span> 待我审核</a></li>
  <li><a href="/admin/items?status=published"><span class="num">{{PUBLISHED}}</span> 已发布信息</a></li>
</ul>
{{#NOTICES}}<section aria-labelledby="notices-h" class="notice warn"><h2 id="notices-h">报送提醒</h2>
<ul>{{#NOTICE}}<li>{{AT}} {{KIND}}：{{MESSAGE}}</li>{{/NOTICE}}</ul></section>{{/NOTICES}}
