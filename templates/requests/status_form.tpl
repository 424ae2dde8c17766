{{%AUTOESCAPE context="HTML"}}<h1>查询办理进度</h1>
{{>ERRORS}}
<p>请输入提交申请时获得的跟踪码和查询密码。</p>
<form method="post" action="/requests/status" class="form narrow" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{>FIELD}}
  <button type="submit">查询</button>
</form>
