{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#CONTACT}}<table class="meta"><caption class="visually-hidden">联系方式</caption><tbody>
{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td>{{VALUE}}</td></tr>{{/ROW}}
</tbody></table>{{/CONTACT}}
<div class="body">{{BODY:none}}</div>
{{#EMPTY}}<p>{{EMPTY_TEXT}}</p>{{/EMPTY}}
