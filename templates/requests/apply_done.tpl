{{%AUTOESCAPE context="HTML"}}<div class="notice" role="status">
  <h1>申请已提交</h1>
  <p>跟踪码：<strong>{{CODE}}</strong></p>
</div>
{{#REPEATED}}<p class="hint">这份申请此前已经提交，本次没有重复登记；以下是原申请的信息。</p>{{/REPEATED}}
<table class="meta"><caption class="visually-hidden">申请回执</caption><tbody>
  <tr><th scope="row">跟踪码</th><td>{{CODE}}</td></tr>
  <tr><th scope="row">查询密码</th><td>{{SECRET}}</td></tr>
  <tr><th scope="row">受理机关</th><td>{{AGENCY}}</td></tr>
  <tr><th scope="row">收到申请日期</th><td>{{RECEIVED}}</td></tr>
  <tr><th scope="row">答复期限</th><td>{{DUE}}</td></tr>
</tbody></table>
<p>请立即记下跟踪码和查询密码。凭二者可以随时<a href="/requests/status">查询办理进度</a>。查询密码只在此页显示，本机关只保存其摘要，无法找回。</p>
<h2>答复期限如何计算</h2>
<p>{{RECEIPT_RULE}}。</p>
<p>{{RULE}}</p>
<p>需要补正、征求第三方或其他机关意见、收取信息处理费、延长答复期限的，答复期限会相应变化，办理进度页面会说明变化的原因和新的期限。</p>
