{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{>ERRORS}}
<form method="post" action="{{ACTION}}" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#NEW}}<div class="field{{#BAD_USERNAME}} has-error{{/BAD_USERNAME}}"><label for="username">用户名</label>
    {{#BAD_USERNAME}}<p class="field-error">{{MESSAGE}}</p>{{/BAD_USERNAME}}
    <input id="username" name="username" value="{{USERNAME}}" maxlength="32" autocomplete="off"></div>
  <div class="field{{#BAD_PASSWORD}} has-error{{/BAD_PASSWORD}}"><label for="password">初始密码（至少10位，含字母和数字）</label>
    {{#BAD_PASSWORD}}<p class="field-error">{{MESSAGE}}</p>{{/BAD_PASSWORD}}
    <input id="password" name="password" type="password" maxlength="128" autocomplete="new-password"></div>{{/NEW}}
  {{#EXISTING}}<p>用户名：{{USERNAME}}</p>{{/EXISTING}}
  <div class="field{{#BAD_NAME}} has-error{{/BAD_NAME}}"><label for="display_name">姓名</label>
    {{#BAD_NAME}}<p class="field-error">{{MESSAGE}}</p>{{/BAD_NAME}}
    <input id="display_name" name="display_name" value="{{NAME}}" maxlength="50"></div>
  <div class="field"><label for="email">电子邮箱</label><input id="email" name="email" type="email" value="{{EMAIL}}" maxlength="200"></div>
  <div class="field{{#BAD_DEPT}} has-error{{/BAD_DEPT}}"><label for="department_id">所属科室</label>
    {{#BAD_DEPT}}<p class="field-error">{{MESSAGE}}</p>{{/BAD_DEPT}}
    <select id="department_id" name="department_id"><option value="">（无）</option>
    {{#DEPT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/DEPT_OPT}}</select></div>
  <fieldset class="field{{#BAD_ROLES}} has-error{{/BAD_ROLES}}" id="roles"><legend>角色</legend>
    {{#BAD_ROLES}}<p class="field-error">{{MESSAGE}}</p>{{/BAD_ROLES}}
    {{#ROLE}}<div><input type="checkbox" id="role-{{VALUE}}" name="roles" value="{{VALUE}}"{{#SEL}} checked{{/SEL}}> <label class="inline-label" for="role-{{VALUE}}">{{LABEL}}</label></div>{{/ROLE}}
  </fieldset>
  {{#EXISTING}}<div class="field"><input type="checkbox" id="active" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}}> <label class="inline-label" for="active">启用</label></div>{{/EXISTING}}
  <button type="submit">保存</button>
</form>
{{#EXISTING}}<h2>重置密码</h2>
<form method="post" action="/admin/users/{{ID}}/password" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="new_password">新密码（至少10位，含字母和数字）</label><input id="new_password" name="password" type="password" maxlength="128" autocomplete="new-password"></div>
  <button type="submit" class="secondary">重置密码</button>
</form>{{/EXISTING}}
