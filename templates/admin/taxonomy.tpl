{{%AUTOESCAPE context="HTML"}}<h1>分类管理</h1>
<nav aria-label="分类体系" class="tabs"><ul>{{#SCHEME}}<li><a href="/admin/taxonomy?scheme={{VALUE}}"{{#SEL}} aria-current="page"{{/SEL}}>{{LABEL}}</a></li>{{/SCHEME}}</ul></nav>
{{>ERRORS}}
<table class="list">
  <caption class="visually-hidden">{{SCHEME_LABEL}}</caption>
  <thead><tr><th scope="col">名称</th><th scope="col">排序</th><th scope="col">启用</th><th scope="col">信息数</th><th scope="col">操作</th></tr></thead>
  <tbody>
  {{#ROW}}<tr{{#CHILD}} class="child"{{/CHILD}}><td>{{#CHILD}}<span aria-hidden="true">└ </span>{{/CHILD}}<label class="visually-hidden" for="name-{{ID}}">分类名称</label><input form="cat-{{ID}}" id="name-{{ID}}" name="name" value="{{NAME}}" maxlength="50"></td>
    <td><label class="visually-hidden" for="sort-{{ID}}">排序</label><input form="cat-{{ID}}" id="sort-{{ID}}" name="sort" value="{{SORT}}" size="3" inputmode="numeric"></td>
    <td><input form="cat-{{ID}}" type="checkbox" id="active-{{ID}}" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}}><label class="visually-hidden" for="active-{{ID}}">启用</label></td>
    <td>{{COUNT}}</td>
    <td><form id="cat-{{ID}}" method="post" action="/admin/taxonomy/{{ID}}"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="secondary">保存</button></form></td></tr>{{/ROW}}
  </tbody>
</table>
<h2>新增分类</h2>
<form method="post" action="/admin/taxonomy" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="scheme" value="{{SCHEME_VALUE}}">
  <div class="field"><label for="parent_id">上级分类</label><select id="parent_id" name="parent_id"><option value="">（顶级分类）</option>
    {{#PARENT_OPT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/PARENT_OPT}}</select></div>
  <div class="field"><label for="name">名称</label><input id="name" name="name" maxlength="50"></div>
  <button type="submit">新增</button>
</form>
