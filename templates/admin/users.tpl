{{%AUTOESCAPE context="HTML"}}<h1>用户管理</h1>
<p><a class="button" href="/admin/users/new">新建用户</a></p>
<table class="list">
  <caption class="visually-hidden">用户列表</caption>
  <thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">科室</th><th scope="col">角色</th><th scope="col">状态</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><td><a href="/admin/users/{{ID}}/edit">{{USERNAME}}</a></td><td>{{NAME}}</td><td>{{DEPT}}</td><td>{{ROLES}}</td><td>{{STATUS}}</td></tr>{{/ROW}}
  </tbody>
</table>
