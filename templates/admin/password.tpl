{{%AUTOESCAPE context="HTML"}}<h1>修改密码</h1>
{{>ERRORS}}
<form method="post" action="/admin/account/password" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="current">当前密码</label><input id="current" name="current" type="password" maxlength="256" autocomplete="current-password"></div>
  <div class="field"><label for="password">新密码（至少10位，含字母和数字）</label><input id="password" name="password" type="password" maxlength="128" autocomplete="new-password"></div>
  <button type="submit">修改密码</button>
</form>
