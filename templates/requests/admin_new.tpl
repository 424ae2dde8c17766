{{%AUTOESCAPE context="HTML"}}<h1>登记申请</h1>
<p>登记通过信函、当面、传真或电子邮件收到的政府信息公开申请。口头提出的，由工作人员代为填写。</p>
{{>ERRORS}}
<form method="post" action="/admin/requests" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="key" value="{{KEY}}">
  <input type="hidden" name="secret" value="{{SECRET}}">
  {{#FORM_PART}}<h2>{{PART_TITLE}}</h2>
  {{>FIELD}}
  {{/FORM_PART}}
  <button type="submit">登记</button>
</form>
