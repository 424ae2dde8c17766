{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#ERROR}}<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="search-error-h"><h2 id="search-error-h">无法完成搜索</h2><p class="error-message">{{MESSAGE}}</p></div>{{/ERROR}}
<form method="get" action="/search" class="search-form" role="search" aria-label="搜索条件">
  <div class="field"><label for="s-q">搜索词</label><input id="s-q" name="q" maxlength="200" value="{{Q}}" aria-describedby="s-q-hint"><p id="s-q-hint" class="hint">多个词用空格分开；用引号搜索完整短语，如 "信息公开 指南"；词前加减号排除，如 -草案</p></div>
  <div class="field"><label for="s-agency">机关</label><select id="s-agency" name="agency"><option value="">全部机关</option>{{#AGENCY_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/AGENCY_OPT}}</select></div>
  {{#AGENCY_FILTERS}}
  <div class="field"><label for="s-class">信息分类</label><select id="s-class" name="class"><option value="">全部</option>{{#CLASS_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/CLASS_OPT}}</select></div>
  <div class="field"><label for="s-topic">主题分类</label><select id="s-topic" name="topic"><option value="">全部</option>{{#TOPIC_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/TOPIC_OPT}}</select></div>
  <div class="field"><label for="s-dept">发布科室</label><select id="s-dept" name="dept"><option value="">全部</option>{{#DEPT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/DEPT_OPT}}</select></div>
  {{/AGENCY_FILTERS}}
  <div class="field"><label for="s-from">发布年份（起）</label><input id="s-from" name="year_from" inputmode="numeric" maxlength="4" size="6" value="{{YEAR_FROM}}"></div>
  <div class="field"><label for="s-to">发布年份（止）</label><input id="s-to" name="year_to" inputmode="numeric" maxlength="4" size="6" value="{{YEAR_TO}}"></div>
  <div class="field"><label for="s-validity">有效性</label><select id="s-validity" name="validity"><option value="">全部</option>{{#VALIDITY_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/VALIDITY_OPT}}</select></div>
  <div class="field"><label for="s-sort">排序</label><select id="s-sort" name="sort">{{#SORT_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/SORT_OPT}}</select></div>
  <button type="submit">搜索</button>
</form>
{{#RESULTS}}
<section aria-labelledby="results-h">
<h2 id="results-h">搜索结果</h2>
<p class="count">找到 {{TOTAL}} 条{{#PAGED}}，第 {{PAGE}} 页 / 共 {{PAGES}} 页{{/PAGED}}</p>
{{#FILTERS}}<p class="filters">筛选条件：{{#FILTER}}<span class="filter">{{LABEL}}（<a href="{{URL}}">去掉</a>）</span> {{/FILTER}}</p>{{/FILTERS}}
<ol class="results">{{#HIT}}<li><h3 class="hit-title"><a href="{{URL}}">{{#T}}{{#M}}<mark>{{TEXT}}</mark>{{/M}}{{#P}}{{TEXT}}{{/P}}{{/T}}</a>{{#REPEALED}} <span class="tag">已{{VALIDITY}}</span>{{/REPEALED}}</h3>
{{#HAS_SNIPPET}}<p class="snippet">{{#S}}{{#M}}<mark>{{TEXT}}</mark>{{/M}}{{#P}}{{TEXT}}{{/P}}{{/S}}</p>{{/HAS_SNIPPET}}
<p class="meta">索引号 {{INDEX_NO}} · {{AGENCY}} · {{DATE}}</p></li>{{/HIT}}</ol>
{{#EMPTY}}<div class="empty">
<p>没有找到与“{{Q}}”相符的信息。</p>
{{#RELAX}}<ul class="relax">{{#R}}<li><a href="{{URL}}">{{TEXT}}</a></li>{{/R}}</ul>{{/RELAX}}
<p>建议：检查是否有错别字，换用更常见的词，或减少搜索词。</p>
</div>{{/EMPTY}}
{{>PAGER}}
</section>
{{/RESULTS}}
