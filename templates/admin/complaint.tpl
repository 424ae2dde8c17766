{{%AUTOESCAPE context="HTML"}}<h1>{{KIND}} {{REF}}</h1>
<table class="meta"><caption class="visually-hidden">投诉举报信息</caption><tbody>
{{#META}}<tr><th scope="row">{{LABEL}}</th><td>{{VALUE}}</td></tr>{{/META}}
</tbody></table>
{{#REQUEST}}<p><a href="/admin/requests/{{REQUEST_ID}}">查看涉及的申请</a></p>{{/REQUEST}}
<h2>办理过程</h2>
<table class="list"><caption class="visually-hidden">办理过程</caption>
<thead><tr><th scope="col">日期</th><th scope="col">环节</th><th scope="col">说明</th><th scope="col">经办人</th></tr></thead>
<tbody>{{#STEP}}<tr><td>{{DATE}}</td><td>{{ACTION}}</td><td>{{NOTE}}</td><td>{{BY}}</td></tr>{{/STEP}}</tbody></table>
{{#OFFICE}}
<h2>记录办理环节</h2>
<form method="post" action="/admin/complaints/{{ID}}/steps" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="on_date">日期</label><input id="on_date" name="on_date" value="{{TODAY}}" maxlength="10"></div>
  <div class="field"><label for="action">环节（如 转办、调查核实、答复）</label><input id="action" name="action" maxlength="50"></div>
  <div class="field"><label for="note">说明</label><textarea id="note" name="note" rows="3" maxlength="1000"></textarea></div>
  <button type="submit" class="secondary">记录</button>
</form>
<h2>办结</h2>
<form method="post" action="/admin/complaints/{{ID}}/close" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="closed_on">办结日期</label><input id="closed_on" name="closed_on" value="{{TODAY}}" maxlength="10"></div>
  <div class="field"><label for="result">办理结果（必填）</label><textarea id="result" name="result" rows="3" maxlength="1000" required></textarea></div>
  <button type="submit">办结</button>
</form>
{{/OFFICE}}
