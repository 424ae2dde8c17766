{{%AUTOESCAPE context="HTML"}}<nav class="pager" aria-label="分页">
{{#PREV}}<a href="{{URL}}" rel="prev">上一页</a>{{/PREV}}
<span>第 {{PAGE}} 页 / 共 {{PAGES}} 页</span>
{{#NEXT}}<a href="{{URL}}" rel="next">下一页</a>{{/NEXT}}
</nav>
