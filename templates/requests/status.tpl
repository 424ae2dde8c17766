{{%AUTOESCAPE context="HTML"}}<h1>办理进度</h1>
<table class="meta"><caption class="visually-hidden">申请概况</caption><tbody>
{{#META}}<tr><th scope="row">{{META_LABEL}}</th><td>{{META_VALUE}}</td></tr>{{/META}}
</tbody></table>
<h2>所需政府信息</h2>
<p class="body">{{DESCRIPTION}}</p>
<h2>办理记录</h2>
<table class="list"><caption class="visually-hidden">办理记录</caption>
<thead><tr><th scope="col">日期</th><th scope="col">事项</th><th scope="col">说明</th></tr></thead><tbody>
{{#EVENT}}<tr><td>{{EVENT_DATE}}</td><td>{{EVENT_LABEL}}</td><td>{{EVENT_SUMMARY}}</td></tr>{{/EVENT}}
</tbody></table>
<h2>答复期限的计算</h2>
<ol class="explanation">{{#LINE}}<li>{{LINE_TEXT}}</li>{{/LINE}}</ol>
<p><a href="/requests/status">查询其他申请</a></p>
