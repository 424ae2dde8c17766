{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="error-message">{{MESSAGE}}</p>
<p><a href="{{BACK_URL}}">返回</a></p>
