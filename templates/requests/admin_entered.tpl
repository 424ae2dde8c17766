{{%AUTOESCAPE context="HTML"}}<div class="notice" role="status"><h1>申请已登记</h1><p>跟踪码：<strong>{{CODE}}</strong></p></div>
{{#REPEATED}}<p class="hint">这份申请此前已经登记，本次没有重复登记。</p>{{/REPEATED}}
<table class="meta"><caption class="visually-hidden">登记结果</caption><tbody>
  <tr><th scope="row">跟踪码</th><td>{{CODE}}</td></tr>
  <tr><th scope="row">查询密码</th><td>{{SECRET}}</td></tr>
  <tr><th scope="row">收到申请日期</th><td>{{RECEIVED}}</td></tr>
  <tr><th scope="row">答复期限</th><td>{{DUE}}</td></tr>
</tbody></table>
<p>请将跟踪码和查询密码告知申请人，凭二者可在“查询办理进度”页面查看办理情况。查询密码只在此页显示，系统只保存其摘要，无法找回。</p>
<p class="hint">期限计算方法：{{RULE}}</p>
<p><a class="button" href="/admin/requests/{{ID}}">查看该申请</a> <a href="/admin/requests/new">继续登记</a></p>
