{{%AUTOESCAPE context="HTML"}}<h1>登录{{TITLE}}</h1>
{{#ERROR}}<div class="error-summary" role="alert" tabindex="-1"><h2>登录失败</h2><p>{{MESSAGE}}</p></div>{{/ERROR}}
<form method="post" action="/admin/login" class="form narrow">
  <input type="hidden" name="_csrf" value="{{PRE_CSRF}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <div class="field"><label for="username">用户名</label>
    <input id="username" name="username" autocomplete="username" value="{{USERNAME}}" required maxlength="64"></div>
  <div class="field"><label for="password">密码</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256"></div>
  <button type="submit">登录</button>
</form>
