{{%AUTOESCAPE context="HTML"}}<p class="report-meta">{{#OLD}}这是较早的版本，<a href="{{CURRENT_URL}}">查看现行版本</a>。{{/OLD}}{{#DL}}<a href="{{URL}}" download>下载 {{FORMAT}}</a> {{/DL}}· 第{{VERSION}}版，发布于 {{DATE}}</p>
{{#VERSIONS}}<nav aria-label="报告版本"><p>版本：{{#V}}{{#THIS}}<strong aria-current="page">第{{N}}版</strong>{{/THIS}}{{#LINK}}<a href="{{URL}}">第{{N}}版</a>{{/LINK}} {{/V}}</p></nav>{{/VERSIONS}}
{{BODY:none}}
