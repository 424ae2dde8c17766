{{%AUTOESCAPE context="HTML"}}<h1>行政复议、行政诉讼</h1>
<p>登记因政府信息公开引起的行政复议和行政诉讼案件。年度报告表四按此统计：当年审结的按结果计，年底尚未审结的计入“尚未审结”。</p>
{{#CAN_EDIT}}<p><a class="button" href="/admin/appeals/new">登记案件</a></p>{{/CAN_EDIT}}
<table class="list">
  <caption class="visually-hidden">复议诉讼案件</caption>
  <thead><tr><th scope="col">类别</th><th scope="col">申请或起诉日期</th><th scope="col">案号</th><th scope="col">相关申请</th><th scope="col">结果</th><th scope="col">审结日期</th></tr></thead>
  <tbody>{{#ROW}}<tr><td><a href="/admin/appeals/{{ID}}">{{KIND}}</a></td><td>{{FILED}}</td><td>{{CASE_REF}}</td><td>{{#REQ}}<a href="/admin/requests/{{REQ_ID}}">{{REQ_CODE}}</a>{{/REQ}}</td><td>{{RESULT}}</td><td>{{DECIDED}}</td></tr>{{/ROW}}</tbody>
</table>
{{#EMPTY}}<p>尚未登记案件。</p>{{/EMPTY}}
