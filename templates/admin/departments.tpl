{{%AUTOESCAPE context="HTML"}}<h1>科室管理</h1>
{{>ERRORS}}
<table class="list">
  <caption class="visually-hidden">科室列表</caption>
  <thead><tr><th scope="col">名称</th><th scope="col">排序</th><th scope="col">启用</th><th scope="col">操作</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><td><label class="visually-hidden" for="name-{{ID}}">科室名称</label><input form="dept-{{ID}}" id="name-{{ID}}" name="name" value="{{NAME}}" maxlength="50"></td>
    <td><label class="visually-hidden" for="sort-{{ID}}">排序</label><input form="dept-{{ID}}" id="sort-{{ID}}" name="sort" value="{{SORT}}" size="3" inputmode="numeric"></td>
    <td><input form="dept-{{ID}}" type="checkbox" id="active-{{ID}}" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}}><label class="visually-hidden" for="active-{{ID}}">启用</label></td>
    <td><form id="dept-{{ID}}" method="post" action="/admin/departments/{{ID}}"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="secondary">保存</button></form></td></tr>{{/ROW}}
  </tbody>
</table>
<h2>新增科室</h2>
<form method="post" action="/admin/departments" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="name">科室名称</label><input id="name" name="name" maxlength="50"></div>
  <button type="submit">新增</button>
</form>
