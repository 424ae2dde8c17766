{{%AUTOESCAPE context="HTML"}}<p class="tools">下载：{{#DL}}<a href="{{URL}}" download>{{FORMAT}}</a> {{/DL}}· 第{{VERSION}}版，发布于 {{DATE}}</p>
{{BODY:none}}
