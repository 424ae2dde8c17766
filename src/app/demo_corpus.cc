#include "app/demo_corpus.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::app {
namespace {

using core::Date;

// ---------------------------------------------------------------------------
// Deterministic randomness and calendar helpers.

// splitmix64: tiny, fast, and the same on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform-enough integer in [lo, hi]; requires lo <= hi.
  int uniform(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
  }

  bool percent(int p) { return uniform(0, 99) < p; }

  template <class C>
  const typename C::value_type& pick(const C& c) {
    return c[static_cast<size_t>(uniform(0, static_cast<int>(c.size()) - 1))];
  }

  template <class C>
  void shuffle(C& c) {
    for (size_t i = c.size(); i > 1; --i) {
      size_t j = static_cast<size_t>(uniform(0, static_cast<int>(i) - 1));
      std::swap(c[i - 1], c[j]);
    }
  }

 private:
  uint64_t state_;
};

uint64_t mix(uint64_t x) { return Rng(x).next(); }

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// The public holidays that matter for plausible dates: New Year's Day, Labour Day, the
// National Day week and the Spring Festival weeks of the report period. Adjusted working
// weekends are ignored (weekends are never used).
bool is_holiday(Date d) {
  const int m = d.month(), day = d.day();
  if (m == 1 && day == 1) return true;
  if (m == 5 && day <= 3) return true;
  if (m == 10 && day <= 7) return true;
  static const std::array<std::array<int, 3>, 6> kSpringFestival = {{
      {2008, 2, 6}, {2009, 1, 25}, {2010, 2, 13}, {2011, 2, 2}, {2012, 1, 22}, {2013, 2, 9}}};
  for (const auto& s : kSpringFestival) {
    if (s[0] != d.year()) continue;
    const int off = d - ymd(s[0], s[1], s[2]);
    if (off >= 0 && off < 7) return true;
  }
  return false;
}

bool is_workday(Date d) { return !d.is_weekend() && !is_holiday(d); }

Date sub_workdays(Date d, int n) {
  while (n > 0) {
    d = d.add_days(-1);
    if (is_workday(d)) --n;
  }
  return d;
}

Date add_workdays(Date d, int n) {
  while (n > 0) {
    d = d.add_days(1);
    if (is_workday(d)) --n;
  }
  return d;
}

// A working day in [lo, hi], roughly uniform; the range must contain one.
Date random_workday(Rng& rng, Date lo, Date hi) {
  Date d = lo.add_days(rng.uniform(0, hi - lo));
  while (!is_workday(d)) d = d.add_days(1);
  if (d > hi) {
    d = hi;
    while (!is_workday(d)) d = d.add_days(-1);
  }
  return d;
}

std::string cn_date(Date d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}

std::string cn_month_day(Date d) {
  return std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

// "45.60" from 4560 (value in hundredths).
std::string fixed2(int64_t hundredths) {
  std::string frac = std::to_string(hundredths % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return std::to_string(hundredths / 100) + "." + frac;
}

// "266.0" from 2660 (value in tenths).
std::string fixed1(int64_t tenths) {
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

// "14.7" / "48.94" / "1": a percentage in hundredths with trailing zeros dropped, as the
// seed report prints them.
std::string percent_trimmed(int64_t hundredths) {
  std::string s = fixed2(hundredths);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// "增长12.3%" or "下降4.5%" from a ratio cur/prev.
std::string growth_phrase(int64_t cur, int64_t prev) {
  const int64_t permille = (cur * 1000 + prev / 2) / prev - 1000;
  if (permille >= 0) return "增长" + fixed1(permille) + "%";
  return "下降" + fixed1(-permille) + "%";
}

// ---------------------------------------------------------------------------
// Text helpers.

using Vars = std::map<std::string, std::string, std::less<>>;

// Replaces each {name} in pattern with vars[name]; an unknown name is a programming error.
std::string fill(std::string_view pattern, const Vars& vars) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] != '{') {
      out += pattern[i++];
      continue;
    }
    const size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) throw std::logic_error("unclosed placeholder");
    const std::string_view name = pattern.substr(i + 1, close - i - 1);
    auto it = vars.find(name);
    if (it == vars.end()) {
      throw std::logic_error("demo corpus: unknown placeholder {" + std::string(name) + "}");
    }
    out += it->second;
    i = close + 1;
  }
  return out;
}

// Concatenates parts. Elements of a braced list are evaluated left to right, unlike the
// operands of a + b + c: use this whenever more than one part draws on the PRNG, or the
// output would depend on the compiler.
std::string cat(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string to_html(const std::vector<std::string>& paragraphs) {
  if (paragraphs.size() < 2 || paragraphs.size() > 6) {
    throw std::logic_error("demo corpus: body needs 2-6 paragraphs");
  }
  std::string out;
  for (const auto& p : paragraphs) {
    if (!out.empty()) out += "\n";
    out += "<p>" + html_escape(p) + "</p>";
  }
  return out;
}

// Joins keyword groups, dropping duplicates, keeping at most four.
std::string keywords(std::initializer_list<std::string_view> groups) {
  std::vector<std::string> words;
  for (std::string_view g : groups) {
    size_t i = 0;
    while (i < g.size()) {
      size_t sp = g.find(' ', i);
      if (sp == std::string_view::npos) sp = g.size();
      std::string w(g.substr(i, sp - i));
      if (!w.empty() && std::find(words.begin(), words.end(), w) == words.end() &&
          words.size() < 4) {
        words.push_back(w);
      }
      i = sp + 1;
    }
  }
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The subject of a document title: the text between the first 关于 and the last 的.
std::string about(std::string_view title) {
  const size_t from = title.find("关于");
  const size_t to = title.rfind("的");
  if (from == std::string_view::npos || to == std::string_view::npos || to <= from) {
    throw std::logic_error("demo corpus: title without 关于...的");
  }
  return std::string(title.substr(from + 6, to - from - 6));
}

// ---------------------------------------------------------------------------
// The agency.

constexpr const char* kShortName = "慈溪市商务局";
constexpr const char* kPhone = "0574-63961109";

// The name the agency used in a given year (the second name was added in 2011 in this demo).
std::string agency_name(int year) {
  return year >= 2011 ? "慈溪市商务局（服务业发展局）" : "慈溪市商务局";
}

constexpr const char* kTopicTrade = "商贸、海关、旅游";
constexpr const char* kTopicGov = "综合政务";
constexpr const char* kTopicEcon = "国民经济管理、国有资产监管";
constexpr const char* kTopicFin = "财政、金融、审计";

struct Leader {
  const char* name;
  const char* post;
  int from, to;  // years in office
  const char* born;
  const char* edu;
  const char* duty;
};

const std::vector<Leader>& leaders() {
  static const std::vector<Leader> kLeaders = {
      {"孙建平", "局长", 2008, 2011, "1961年3月", "大学", "主持局全面工作，分管办公室。"},
      {"周海涛", "局长", 2012, 2013, "1966年8月", "研究生", "主持局全面工作，分管办公室。"},
      {"胡晓燕", "副局长", 2008, 2013, "1968年11月", "大学",
       "负责商贸流通、市场运行和安全生产工作，分管商贸流通科、市场运行科。"},
      {"沈立军", "副局长", 2008, 2010, "1963年5月", "大专",
       "负责对外贸易、外商投资和电子商务工作，分管对外贸易科、外商投资科。"},
      {"吴海明", "副局长", 2011, 2013, "1971年2月", "大学",
       "负责对外贸易和外商投资工作，分管对外贸易科、外商投资科。"},
      {"陆国强", "副局长", 2012, 2013, "1973年9月", "研究生",
       "负责服务业发展和电子商务工作，分管服务业发展科、电子商务科。"},
      {"王丽萍", "纪检组长", 2008, 2013, "1969年6月", "大学",
       "负责纪检监察、机关党建和干部教育工作。"},
  };
  return kLeaders;
}

std::vector<const Leader*> leaders_in(int year) {
  std::vector<const Leader*> out;
  for (const auto& l : leaders()) {
    if (l.from <= year && year <= l.to) out.push_back(&l);
  }
  return out;
}

const Leader& leader_named(std::string_view name) {
  for (const auto& l : leaders()) {
    if (name == l.name) return l;
  }
  throw std::logic_error("demo corpus: no such leader");
}

// ---------------------------------------------------------------------------
// Themes: the department, 主题分类 and stock prose of each line of business.

enum Theme { kTrade, kInvest, kDomestic, kMarket, kService, kEcom, kGeneral };

// A stock sentence and the kind of item it fits: 'g' any; 'm' a meeting, forum or training;
// 'd' a meeting or a leader's visit (enterprises voiced their problems); 'i' an inspection;
// 'v' a visit of foreign investors; 'e' an exhibition.
struct Sentence {
  char fits;
  const char* text;
};

// A 'g' sentence that asks for or announces action (要…, 各…, 下一步…, 我局将…), as
// opposed to one that states a fact.
bool is_directive(std::string_view text) {
  for (std::string_view p : {"要", "各", "下一步", "我局将"}) {
    if (text.substr(0, p.size()) == p) return true;
  }
  return false;
}

// Whether a sentence tagged fits may appear in an item of kind event: the same letter, plus
// 'l' (a leader's field visit) taking 'd', and 'r' (a report) taking 'g' only. Two more
// kinds select among 'g' sentences: 'f' facts only, 'p' directives only.
bool sentence_fits(char fits, std::string_view text, char event) {
  if (event == 'f') return fits == 'g' && !is_directive(text);
  if (event == 'p') return fits == 'g' && is_directive(text);
  if (fits == 'g') return true;
  if (fits == 'd') return event == 'm' || event == 'l';
  return fits == event;
}

struct ThemeInfo {
  const char* dept;
  const char* topic;
  const char* topic_sub;
  const char* keyword;
  std::vector<Sentence> sentences;     // self-contained sentences ending in 。
  std::vector<const char*> purposes;   // "为{purpose}，..." clauses
};

const ThemeInfo& theme(Theme t) {
  static const std::array<ThemeInfo, 7> kThemes = {{
      {"对外贸易科", kTopicTrade, "对外经贸合作", "对外贸易",
       {{'g', "今年以来，面对复杂多变的国际经济形势，我市外贸企业积极调整市场结构，努力稳定传统市场、开拓新兴市场。"},
        {'m', "会上，有关负责人解读了国家和省、宁波市促进外贸稳定增长的各项政策措施。"},
        {'d', "企业代表结合自身实际，反映了原材料价格波动、人民币汇率变化、用工成本上升等方面的困难和问题。"},
        {'g', "我市家电、轴承、化纤等传统优势产业出口保持稳定，机电产品和高新技术产品出口比重进一步提高。"},
        {'g', "各镇（街道）要加强对重点出口企业的跟踪服务，及时掌握企业订单变化和生产经营情况。"},
        {'g', "要引导企业加快自主品牌建设和技术创新，提高出口产品附加值和国际竞争力。"},
        {'g', "要积极应对国外反倾销、反补贴等贸易摩擦，指导企业做好预警和应诉工作。"},
        {'e', "通过参展参会，企业进一步了解了国际市场需求，拓展了营销渠道，取得了较好成效。"},
        {'g', "下一步，我局将继续落实各项稳外贸政策，帮助企业用好出口信用保险、出口退税等政策工具。"},
        {'g', "要充分发挥外贸发展专项资金的引导作用，支持企业开拓国际市场。"},
        {'g', "要加强外贸运行监测分析，完善重点企业联系制度，做好外贸形势预判。"}},
       {"进一步促进外贸稳定增长", "支持企业开拓国际市场", "加快转变外贸发展方式"}},
      {"外商投资科", kTopicTrade, "对外经贸合作", "外商投资",
       {{'g', "我市区位优势明显，产业配套完善，投资环境不断优化。"},
        {'v', "客商一行实地考察了我市经济开发区和部分重点企业，并就项目合作进行了深入洽谈。"},
        {'g', "我局将进一步强化项目跟踪服务，推动已签约项目早日落地、早日投产。"},
        {'g', "要坚持招商选资，重点引进先进制造业和现代服务业项目。"},
        {'g', "今年以来，全市实际利用外资保持平稳增长，外资项目质量有所提升。"},
        {'g', "要完善外商投资企业投诉协调机制，切实维护外商投资企业合法权益。"},
        {'g', "要加强与境外商协会和中介机构的联系，拓宽招商引资渠道。"},
        {'m', "会上，外商投资企业代表就用工、融资、增资扩股等问题进行了交流。"},
        {'g', "要做好外商投资企业联合年检和统计工作，及时掌握外资企业经营状况。"},
        {'g', "要积极推动外资投向高新技术产业、现代服务业和节能环保领域。"}},
       {"进一步提高利用外资质量和水平", "优化外商投资环境", "做好外商投资企业服务工作"}},
      {"商贸流通科", kTopicTrade, "国内贸易（含供销）", "商贸流通",
       {{'g', "近年来，我市商贸流通业保持平稳较快发展，城乡商业网点布局不断完善。"},
        {'g', "要加快推进农村现代流通网络建设，方便群众就近购物和消费。"},
        {'g', "各有关企业要严格落实安全生产主体责任，全面排查和消除各类安全隐患。"},
        {'i', "检查组重点检查了消防设施配备、安全通道畅通、安全制度落实等情况，对发现的问题当场提出整改要求。"},
        {'g', "要积极培育消费热点，扩大城乡居民消费，充分发挥消费对经济增长的拉动作用。"},
        {'g', "要加强商贸流通领域诚信体系建设，营造放心、安全的消费环境。"},
        {'g', "要加大农贸市场改造提升力度，改善市场经营环境，提高市场管理水平。"},
        {'g', "要引导商贸企业发展连锁经营、统一配送等现代流通方式，提高流通效率。"},
        {'g', "各镇（街道）要加强对辖区商贸企业的指导和服务，形成工作合力。"},
        {'g', "下一步，我局将继续加大对商贸流通业的扶持力度，推动全市商贸流通业转型升级。"}},
       {"加快推进现代流通体系建设", "促进商贸流通业健康发展", "进一步扩大城乡居民消费"}},
      {"市场运行科", kTopicTrade, "国内贸易（含供销）", "市场运行",
       {{'g', "我局加强对粮油、肉类、蔬菜等生活必需品市场的监测，及时掌握价格和供求变化情况。"},
        {'g', "从监测情况看，全市各大超市、农贸市场货源充足，品种丰富，价格总体平稳。"},
        {'g', "要落实市场供应应急预案，确保突发情况下重要商品不断档、不脱销。"},
        {'g', "要加大成品油、酒类、生猪屠宰等领域执法检查力度，规范市场经营秩序。"},
        {'i', "执法人员检查了企业经营台账、进货票据和经营资质等情况，对发现的问题当场责令整改。"},
        {'g', "要加强部门协作，形成齐抓共管的工作格局，依法查处各类违法违规经营行为。"},
        {'g', "要做好重要商品储备管理，确保储备商品数量真实、质量良好、调用及时。"},
        {'g', "要完善市场运行监测体系，提高监测数据的准确性和时效性。"},
        {'g', "各重点流通企业要加强货源组织，保持合理库存，确保市场供应。"},
        {'g', "下一步，我局将继续加强市场运行监测和调控，维护市场平稳运行。"}},
       {"切实保障市场供应、维护市场秩序", "规范市场经营秩序", "加强市场运行监测和调控"}},
      {"服务业发展科", kTopicTrade, "其他", "服务业",
       {{'g', "服务业是国民经济的重要组成部分，加快发展服务业是转变经济发展方式的重要途径。"},
        {'g', "近年来，全市服务业增加值占生产总值比重稳步提高，现代物流、金融服务、商务服务等生产性服务业发展较快。"},
        {'g', "要加大服务业重点项目推进力度，落实项目推进责任制，确保项目按期完成。"},
        {'g', "要积极培育服务业集聚区，促进服务业规模化、品牌化、网络化发展。"},
        {'g', "我局将认真落实服务业发展扶持政策，帮助企业协调解决发展中遇到的困难。"},
        {'g', "要大力发展服务外包、现代物流、商务会展等新兴服务业，培育新的经济增长点。"},
        {'g', "要加强服务业统计监测，及时准确反映全市服务业发展情况。"},
        {'g', "要推动制造业主辅分离，促进生产性服务业与先进制造业融合发展。"},
        {'g', "各镇（街道）要把加快服务业发展摆上重要位置，明确责任，加强考核。"},
        {'g', "要进一步优化服务业发展环境，吸引更多社会资本投向服务业领域。"}},
       {"加快推进服务业发展", "促进服务业提速发展", "推动服务业转型升级"}},
      {"电子商务科", kTopicTrade, "国内贸易（含供销）", "电子商务",
       {{'g', "电子商务作为新型商业模式，对企业拓展市场、降低成本、提高效率具有重要作用。"},
        {'g', "我市家电等优势产业企业积极运用第三方电子商务平台开展网上销售，网络零售额快速增长。"},
        {'g', "要加强电子商务人才培训，提升企业电子商务应用水平。"},
        {'g', "要推动传统商贸企业与电子商务融合发展，培育一批电子商务示范企业。"},
        {'g', "要完善电子商务发展配套服务体系，推进快递物流、网上支付等基础设施建设。"},
        {'g', "要鼓励外贸企业利用跨境电子商务平台开拓国际市场，拓展外贸新渠道。"},
        {'g', "要引导企业诚信经营，维护网络交易秩序，保护消费者合法权益。"},
        {'g', "要加快电子商务产业园区建设，促进电子商务企业集聚发展。"},
        {'g', "我局将加大电子商务发展专项资金扶持力度，营造良好的电子商务发展环境。"},
        {'m', "与会企业交流了开展网络营销的经验和做法，并就发展中遇到的问题进行了探讨。"}},
       {"推动电子商务健康快速发展", "加快电子商务推广应用", "促进电子商务与实体经济融合发展"}},
      {"办公室", kTopicGov, "其他", "机关建设",
       {{'m', "会议要求，全局干部职工要进一步统一思想，明确任务，扎实做好各项工作。"},
        {'g', "要切实加强作风建设，提高办事效率和服务质量，努力建设人民满意的服务型机关。"},
        {'g', "要按照《中华人民共和国政府信息公开条例》的要求，及时、准确地公开政府信息。"},
        {'g', "要严格落实党风廉政建设责任制，筑牢拒腐防变的思想防线。"},
        {'m', "会议对下阶段工作进行了部署，明确了各科室的工作任务和完成时限。"},
        {'g', "各科室要加强协调配合，形成工作合力，确保全年各项目标任务圆满完成。"},
        {'g', "要加强学习，不断提高干部队伍的政治素质和业务能力。"},
        {'g', "要把各项工作纳入机关效能考核，强化督查，确保工作落到实处。"},
        {'m', "局领导班子成员和各科室、下属单位负责人参加了会议。"},
        {'m', "与会人员围绕会议主题进行了认真讨论，纷纷表示要以实际行动抓好落实。"}},
       {"进一步做好全市商务工作", "加强机关效能建设", "推动各项工作落到实处"}},
  }};
  return kThemes[static_cast<size_t>(t)];
}

// Past-tense sentences for work summaries: what went well in a year.
std::string review(int year, int n) {
  static const std::vector<std::pair<int, const char*>> kReview = {
      {2008, "外贸出口保持平稳，企业开拓国际市场的意识和能力进一步增强。"},
      {2008, "招商引资取得新进展，一批外资项目顺利签约落地。"},
      {2008, "商贸流通体系不断完善，农贸市场改造提升有序推进。"},
      {2008, "市场供应充足，价格总体平稳，商贸领域未发生重大安全生产事故。"},
      {2010, "电子商务应用不断普及，一批企业开展网络营销取得明显成效。"},
      {2011, "服务业发展步伐加快，服务业重点项目建设进展顺利。"},
      {2008, "机关效能建设和政府信息公开工作扎实推进，服务企业的水平不断提高。"},
  };
  std::string out;
  int taken = 0;
  // Deterministic choice: rotate through the pool by year.
  for (size_t k = 0; k < kReview.size() && taken < n; ++k) {
    const auto& r = kReview[(k + static_cast<size_t>(year)) % kReview.size()];
    if (r.first > year) continue;
    out += r.second;
    ++taken;
  }
  return out;
}

// The department in charge of a theme in a given year: in this demo 电子商务科 was set up in
// 2010 and 服务业发展科 in 2011; before that 商贸流通科 did their work.
std::string dept_for(Theme t, int year) {
  if ((t == kEcom && year < 2010) || (t == kService && year < 2011)) return "商贸流通科";
  return theme(t).dept;
}

// Collects paragraphs and hands out stock sentences without repeating one within an item.
class Body {
 public:
  explicit Body(Rng& rng) : rng_(rng) {}

  void add(std::string p) { paragraphs_.push_back(std::move(p)); }

  // Up to n distinct unused sentences of theme t that fit an item of kind event,
  // concatenated; fewer (possibly none) when the pool runs out.
  std::string sentences(Theme t, int n, char event = 'g') {
    std::string out;
    for (int k = 0; k < n; ++k) {
      std::vector<const char*> candidates;
      for (const Sentence& s : theme(t).sentences) {
        if (sentence_fits(s.fits, s.text, event) && !used_.count(s.text)) candidates.push_back(s.text);
      }
      if (candidates.empty()) break;
      const char* s = rng_.pick(candidates);
      used_.insert(s);
      out += s;
    }
    return out;
  }

  size_t size() const { return paragraphs_.size(); }
  std::string html() const { return to_html(paragraphs_); }

 private:
  Rng& rng_;
  std::vector<std::string> paragraphs_;
  std::set<std::string_view> used_;
};

// ---------------------------------------------------------------------------
// Invented economic figures, so that statistics items and work summaries agree with each
// other. Integers only: exports/imports/FDI in millions of US dollars (0.01 亿美元), retail
// sales in tens of millions of yuan (0.1 亿元).

struct YearFigures {
  int year;
  int64_t exports, imports, retail, fdi;
};

const YearFigures& figures(int year) {
  static const std::array<YearFigures, 7> kFigures = {{
      {2007, 4120, 820, 2280, 190},
      {2008, 4560, 905, 2660, 220},
      {2009, 4030, 760, 3050, 170},
      {2010, 5280, 1020, 3580, 210},
      {2011, 6050, 1180, 4210, 250},
      {2012, 6170, 1150, 4790, 270},
      {2013, 6590, 1210, 5380, 290},
  }};
  for (const auto& f : kFigures) {
    if (f.year == year) return f;
  }
  throw std::logic_error("demo corpus: no figures for year");
}

// Cumulative January..month value of a yearly total, with a small deterministic wobble.
int64_t cumulative(int64_t total, int year, int month) {
  static const std::array<int, 12> kPermille = {75, 150, 235, 315, 400, 485,
                                                570, 655, 740, 825, 910, 1000};
  const int wobble = month == 12 ? 0 : static_cast<int>(mix(static_cast<uint64_t>(year * 13 + month)) % 21) - 10;
  return total * kPermille[static_cast<size_t>(month - 1)] * (1000 + wobble) / 1000000;
}

// ---------------------------------------------------------------------------
// Item drafts and the generator.

struct Draft {
  DemoItem item;
  std::string issuer;     // 文号 prefix to number later (e.g. 慈商); empty for none
  int replaced_by = -1;   // index of the draft that repeals this one (废止)
  int report_year = 0;    // for 年度报告: the year reported on
};

struct Dates {
  Date created, published;
};

// Month bit mask; 0 means any month.
constexpr uint16_t months(std::initializer_list<int> ms) {
  uint16_t mask = 0;
  for (int m : ms) mask = static_cast<uint16_t>(mask | (1u << m));
  return mask;
}

bool month_ok(uint16_t mask, int month) { return mask == 0 || (mask & (1u << month)) != 0; }

// A templated item: title, a lead / subject clause, its theme, years and months.
struct Tpl {
  const char* title;
  const char* lead;  // news: event sentence; notices: subject; may be empty
  Theme theme;
  int from, to;
  uint16_t mask;
  const char* kw;
  const char* topic = nullptr;      // overrides the theme's topic when set
  const char* topic_sub = nullptr;
  // News only: the kind of event (see sentence_fits); 'r' items also get no date prefix.
  char event = 'g';
};

constexpr int kAny0 = 2008, kAny1 = 2013;

const std::vector<Tpl>& news_templates() {
  static const std::vector<Tpl> k = {
      {"市商务局召开{Y}年全市商务工作会议", "市商务局召开{Y}年全市商务工作会议，总结{PY}年全市商务工作，部署{Y}年重点任务", kGeneral, 2009, kAny1, months({1, 2, 3}), "商务工作 工作会议", nullptr, nullptr, 'm'},
      {"我局组织企业参加第{canton}届中国进出口商品交易会", "我局组织全市{n}家外贸企业参加第{canton}届中国进出口商品交易会，帮助企业拓展国际市场", kTrade, kAny0, kAny1, months({4, 5, 10, 11}), "广交会 参展 外贸", nullptr, nullptr, 'e'},
      {"{chief}局长带队赴{town}走访外贸企业", "{chief}局长带领对外贸易科负责人赴{town}走访部分重点外贸企业，详细了解企业订单、生产和出口情况", kTrade, kAny0, kAny1, 0, "外贸 走访 企业服务", nullptr, nullptr, 'l'},
      {"{deputy}副局长赴{town}调研{ind}行业发展情况", "{deputy}副局长一行赴{town}调研{ind}行业发展情况，听取企业对商务工作的意见和建议", kTrade, kAny0, kAny1, 0, "调研 {ind}行业", nullptr, nullptr, 'l'},
      {"我市{Y}年{fest_post}期间市场供应充足运行平稳", "{fest_post}期间，我市商品市场供应充足，价格基本平稳，消费市场总体运行良好", kMarket, kAny0, kAny1, months({1, 2, 5, 6, 10}), "市场供应 节日市场", nullptr, nullptr, 'r'},
      {"市商务局开展{fY}年{fest_pre}前商贸企业安全生产大检查", "为确保{fest_pre}期间商贸领域安全，市商务局组织开展商贸企业安全生产大检查", kDomestic, kAny0, kAny1, months({1, 4, 6, 9, 12}), "安全生产 检查 商贸企业", nullptr, nullptr, 'i'},
      {"{country}客商来慈考察投资环境", "{country}客商一行来我市考察投资环境，市商务局陪同考察并介绍了我市产业基础和投资政策", kInvest, kAny0, kAny1, 0, "外商投资 考察 招商引资", nullptr, nullptr, 'v'},
      {"我局举办{Y}年出口退税政策培训班", "我局联合市国税局举办出口退税政策培训班，全市{n}余家外贸企业的财务负责人参加培训", kTrade, kAny0, kAny1, 0, "出口退税 培训", kTopicFin, "税务", 'm'},
      {"我局举办{Y}年贸易摩擦应对培训班", "我局举办贸易摩擦应对培训班，邀请专家为企业讲解反倾销、反补贴应诉实务", kTrade, kAny0, kAny1, 0, "贸易摩擦 培训 应诉", nullptr, nullptr, 'm'},
      {"我局举办{Y}年出口信用保险业务培训会", "我局联合中国出口信用保险公司宁波分公司举办出口信用保险业务培训会，帮助企业防范收汇风险", kTrade, kAny0, kAny1, 0, "出口信用保险 培训", kTopicFin, "保险", 'm'},
      {"我局举办{Y}年电子商务应用培训班", "我局举办电子商务应用培训班，全市{n}余家企业的电子商务负责人参加培训", kEcom, kAny0, kAny1, 0, "电子商务 培训", nullptr, nullptr, 'm'},
      {"我局举办{Y}年商务统计业务培训会", "我局举办商务统计业务培训会，对全市重点商贸企业和外贸企业统计人员进行业务培训", kGeneral, kAny0, kAny1, 0, "商务统计 培训", kTopicEcon, "统计", 'm'},
      {"我局举办{Y}年服务业统计业务培训会", "我局举办服务业统计业务培训会，对全市服务业重点企业统计人员进行业务培训", kService, 2011, kAny1, 0, "服务业统计 培训", kTopicEcon, "统计", 'm'},
      {"市商务局召开{ind}行业贸易摩擦应对座谈会", "市商务局召开{ind}行业贸易摩擦应对座谈会，分析当前国外贸易救济调查形势，研究应对措施", kTrade, kAny0, kAny1, 0, "贸易摩擦 {ind}行业 座谈会", nullptr, nullptr, 'm'},
      {"我市组团参加{Y}年中国浙江投资贸易洽谈会", "市商务局组织我市{n}家企业参加中国浙江投资贸易洽谈会，集中展示我市投资环境和优势产业", kInvest, kAny0, kAny1, months({5, 6}), "浙洽会 招商引资", nullptr, nullptr, 'e'},
      {"我市组团参加{Y}年中国—东盟博览会", "市商务局组织我市企业参加中国—东盟博览会，积极开拓东盟市场", kTrade, kAny0, kAny1, months({9, 10, 11}), "东盟 博览会 市场开拓", nullptr, nullptr, 'e'},
      {"我市企业参加{Y}年中国（北京）国际服务贸易交易会", "市商务局组织我市服务业企业参加中国（北京）国际服务贸易交易会，推介我市服务业发展环境", kService, 2012, kAny1, months({5, 6}), "服务贸易 交易会", nullptr, nullptr, 'e'},
      {"{Y}中国（慈溪）家电博览会开幕", "{Y}中国（慈溪）家电博览会在我市开幕，展会吸引了国内外众多客商参展采购", kTrade, kAny0, kAny1, months({9, 10, 11}), "家电博览会 会展", nullptr, nullptr, 'e'},
      {"市商务局召开{Y}年服务业发展工作推进会", "市商务局召开{Y}年服务业发展工作推进会，分析全市服务业发展形势，部署下阶段重点工作", kService, 2011, kAny1, 0, "服务业 推进会", nullptr, nullptr, 'm'},
      {"{chief}局长调研{town}服务业重点项目", "{chief}局长一行赴{town}调研服务业重点项目建设情况，现场协调解决项目推进中的困难和问题", kService, kAny0, kAny1, 0, "服务业 重点项目 调研", nullptr, nullptr, 'l'},
      {"我市召开{ind}企业电子商务应用推进会", "市商务局召开{ind}企业电子商务应用推进会，推动传统制造企业借助网络平台拓展销售渠道", kEcom, 2010, kAny1, 0, "电子商务 推进会", nullptr, nullptr, 'm'},
      {"市商务局开展{Y}年电子商务发展情况调研", "市商务局组织开展电子商务发展情况专题调研，全面掌握我市电子商务企业发展现状", kEcom, 2010, kAny1, 0, "电子商务 调研", nullptr, nullptr, 'l'},
      {"{chief}局长调研{town}商贸流通网点建设", "{chief}局长一行赴{town}调研商贸流通网点建设情况，实地察看了农贸市场和连锁超市", kDomestic, kAny0, kAny1, 0, "商贸流通 网点建设", nullptr, nullptr, 'l'},
      {"市商务局扎实推进{Y}年万村千乡市场工程", "市商务局扎实推进万村千乡市场工程，进一步完善农村商品流通网络", kDomestic, 2008, 2012, 0, "万村千乡 农村市场"},
      {"我市{Y}年家电下乡工作有序推进", "我市家电下乡工作有序推进，销售网点服务进一步规范，补贴资金及时兑付", kDomestic, 2009, 2012, 0, "家电下乡 农村消费", nullptr, nullptr, 'r'},
      {"我市{Y}年家电以旧换新工作取得阶段性成效", "我市家电以旧换新工作取得阶段性成效，有效拉动了城乡居民家电消费", kDomestic, 2010, 2011, 0, "以旧换新 家电消费", nullptr, nullptr, 'r'},
      {"市商务局推进{Y}年农超对接工作", "市商务局积极推进农超对接工作，组织连锁超市与农民专业合作社开展产销对接", kDomestic, 2009, kAny1, 0, "农超对接 农产品流通"},
      {"{Y}年我市肉菜流通追溯体系建设稳步推进", "我市肉菜流通追溯体系建设稳步推进，试点农贸市场和超市追溯系统运行良好", kMarket, 2012, kAny1, 0, "肉菜流通 追溯体系", nullptr, nullptr, 'r'},
      {"市商务局开展{Y}年诚信兴商宣传月活动", "市商务局开展诚信兴商宣传月活动，倡导商贸企业诚信经营、守法经营", kDomestic, kAny0, kAny1, 0, "诚信兴商 宣传月"},
      {"我局召开{Y}年政府信息公开工作会议", "我局召开政府信息公开工作会议，传达上级有关政府信息公开工作的部署要求", kGeneral, kAny0, kAny1, 0, "政府信息公开 工作会议", kTopicGov, "政务公开", 'm'},
      {"市商务局召开{Y}年党风廉政建设工作会议", "市商务局召开党风廉政建设工作会议，总结上年度党风廉政建设工作，部署本年度任务", kGeneral, kAny0, kAny1, months({2, 3, 4}), "党风廉政建设 工作会议", nullptr, nullptr, 'm'},
      {"我局开展{Y}年成品油市场专项整治行动", "我局联合有关部门开展成品油市场专项整治行动，重点检查加油站经营资质和油品来源", kMarket, kAny0, kAny1, 0, "成品油 专项整治", nullptr, nullptr, 'i'},
      {"我局开展{Y}年酒类流通市场专项检查", "我局开展酒类流通市场专项检查，督促酒类经营者落实备案登记和随附单制度", kMarket, kAny0, kAny1, 0, "酒类流通 专项检查", nullptr, nullptr, 'i'},
      {"我局开展{Y}年报废汽车回收行业专项整治", "我局开展报废汽车回收行业专项整治，依法打击非法拆解和买卖报废汽车行为", kDomestic, kAny0, kAny1, 0, "报废汽车 专项整治", nullptr, nullptr, 'i'},
      {"市商务局开展{Y}年生猪屠宰专项整治行动", "市商务局开展生猪屠宰专项整治行动，严厉打击私屠滥宰等违法行为", kMarket, kAny0, kAny1, 0, "生猪屠宰 专项整治", nullptr, nullptr, 'i'},
      {"市商务局开展{Y}年单用途商业预付卡专项检查", "市商务局开展单用途商业预付卡专项检查，督促发卡企业依法办理备案", kMarket, 2012, kAny1, 0, "预付卡 专项检查", nullptr, nullptr, 'i'},
      {"{period_q}我市外贸出口{trend}", "{period_q}，全市外贸出口{trend}，外贸运行总体符合预期", kTrade, kAny0, kAny1, months({1, 4, 7, 10}), "外贸出口 运行分析", nullptr, nullptr, 'r'},
      {"{chief}局长率团赴{place}开展招商推介活动", "{chief}局长率我市经贸代表团赴{place}开展招商推介活动，宣传推介我市投资环境", kInvest, kAny0, kAny1, 0, "招商推介 招商引资"},
      {"市商务局深入开展学习实践科学发展观活动", "市商务局深入开展学习实践科学发展观活动，着力解决影响和制约商务发展的突出问题", kGeneral, 2009, 2009, 0, "科学发展观 学习实践"},
      {"市商务局{Y}年扎实开展创先争优活动", "市商务局扎实开展创先争优活动，引导党员干部立足岗位、争创一流", kGeneral, 2010, 2012, 0, "创先争优 机关党建"},
      {"市商务局召开党的群众路线教育实践活动动员大会", "市商务局召开党的群众路线教育实践活动动员大会，对全局教育实践活动进行动员部署", kGeneral, 2013, 2013, months({7, 8}), "群众路线 教育实践活动", nullptr, nullptr, 'm'},
      {"市商务局认真学习贯彻党的十八大精神", "市商务局组织全局干部职工认真学习贯彻党的十八大精神，推动商务工作再上新台阶", kGeneral, 2013, 2013, months({1, 2, 3, 4}), "十八大精神 学习贯彻"},
      {"市商务局召开{Y}年上半年工作分析会", "市商务局召开上半年工作分析会，总结上半年工作，分析存在问题，部署下半年任务", kGeneral, kAny0, kAny1, months({7}), "工作分析会 上半年", nullptr, nullptr, 'm'},
      {"市商务局召开{Y}年前三季度工作分析会", "市商务局召开前三季度工作分析会，对照年度目标查找差距，部署第四季度重点工作", kGeneral, kAny0, kAny1, months({10}), "工作分析会 前三季度", nullptr, nullptr, 'm'},
      {"我市{n2}家企业被认定为{Y}年度宁波市电子商务示范企业", "我市{n2}家企业被认定为宁波市电子商务示范企业，认定企业数量居宁波各县（市）区前列", kEcom, 2011, kAny1, 0, "电子商务 示范企业", nullptr, nullptr, 'r'},
      {"我市{n2}家企业产品被认定为{Y}年度浙江出口名牌", "我市{n2}家企业产品被认定为浙江出口名牌，全市出口名牌数量进一步增加", kTrade, kAny0, kAny1, 0, "出口名牌 品牌建设", nullptr, nullptr, 'r'},
      {"市商务局召开{Y}年外商投资企业座谈会", "市商务局召开外商投资企业座谈会，听取外资企业对改善投资环境的意见和建议", kInvest, kAny0, kAny1, 0, "外商投资企业 座谈会", nullptr, nullptr, 'm'},
      {"我局部署{Y}年生活必需品市场监测工作", "我局召开生活必需品市场监测工作会议，部署全年市场监测和信息报送工作", kMarket, kAny0, kAny1, months({1, 2, 3}), "市场监测 生活必需品"},
      {"市商务局举办{Y}年外贸形势分析会", "市商务局举办外贸形势分析会，邀请海关、外汇管理等部门和重点企业共同研判外贸形势", kTrade, kAny0, kAny1, 0, "外贸形势 分析会", nullptr, nullptr, 'm'},
      {"我局开展{Y}年春节走访慰问活动", "局领导分别带队走访慰问困难群众和退休老干部，送去节日的问候和祝福", kGeneral, kAny0, kAny1, months({1, 2}), "走访慰问 春节", nullptr, nullptr, 'l'},
      {"市商务局召开{Y}年机关效能建设工作会议", "市商务局召开机关效能建设工作会议，对全年机关效能建设工作作出部署", kGeneral, kAny0, kAny1, months({2, 3, 4}), "机关效能建设 工作会议", nullptr, nullptr, 'm'},
      {"市商务局督查{town}农贸市场改造提升工作", "市商务局赴{town}督查农贸市场改造提升工作，实地察看了改造项目进展情况", kDomestic, kAny0, kAny1, 0, "农贸市场 改造提升", nullptr, nullptr, 'i'},
      {"{deputy}副局长带队检查{town}成品油经营企业", "{deputy}副局长带队赴{town}检查成品油经营企业，重点检查安全生产和依法经营情况", kMarket, kAny0, kAny1, 0, "成品油 安全检查", nullptr, nullptr, 'i'},
      {"市商务局召开{Y}年外贸企业稳增长座谈会", "市商务局召开外贸企业稳增长座谈会，听取重点外贸企业生产经营情况和意见建议", kTrade, kAny0, kAny1, 0, "外贸 稳增长 座谈会", nullptr, nullptr, 'm'},
      {"{Y}年我市服务外包产业发展势头良好", "我市服务外包产业发展势头良好，服务外包企业数量和合同金额均实现较快增长", kService, 2011, kAny1, months({7, 8, 9, 10, 11, 12}), "服务外包 产业发展", nullptr, nullptr, 'r'},
      {"市商务局召开{Y}年外商投资企业联合年检工作布置会", "市商务局召开外商投资企业联合年检工作布置会，对今年联合年检工作作出部署", kInvest, kAny0, kAny1, months({3, 4}), "联合年检 外商投资企业", nullptr, nullptr, 'm'},
  };
  return k;
}

enum class BizKind { kStats, kNotice, kPublicity, kBulletin, kAnalysis };

struct BizTpl {
  Tpl t;
  BizKind kind;
  int stat;  // for kStats/kAnalysis: 0 trade, 1 retail, 2 FDI, 3 service
};

const std::vector<BizTpl>& business_templates() {
  using K = BizKind;
  static const std::vector<BizTpl> k = {
      {{"{period}全市外贸进出口情况", "", kTrade, kAny0, kAny1, 0, "进出口 统计", kTopicEcon, "统计"}, K::kStats, 0},
      {{"{period}全市社会消费品零售总额情况", "", kMarket, kAny0, kAny1, 0, "消费品零售 统计", kTopicEcon, "统计"}, K::kStats, 1},
      {{"{period}全市利用外资情况", "", kInvest, kAny0, kAny1, 0, "利用外资 统计", kTopicEcon, "统计"}, K::kStats, 2},
      {{"关于申报{Y}年度中小企业国际市场开拓资金的通知", "申报{Y}年度中小企业国际市场开拓资金", kTrade, kAny0, kAny1, months({2, 3, 4, 5, 6, 7, 8, 9}), "市场开拓资金 申报", kTopicFin, "财政"}, K::kNotice, 0},
      {{"关于申报{Y}年度外经贸发展专项资金的通知", "申报{Y}年度外经贸发展专项资金", kTrade, kAny0, kAny1, months({3, 4, 5, 6, 7, 8, 9}), "专项资金 外经贸 申报", kTopicFin, "财政"}, K::kNotice, 0},
      {{"关于申报{Y}年度服务业发展引导资金项目的通知", "申报{Y}年度服务业发展引导资金项目", kService, 2011, kAny1, months({3, 4, 5, 6, 7, 8, 9}), "服务业 引导资金 申报", kTopicFin, "财政"}, K::kNotice, 0},
      {{"关于申报{Y}年度电子商务发展专项资金的通知", "申报{Y}年度电子商务发展专项资金", kEcom, 2011, kAny1, months({3, 4, 5, 6, 7, 8, 9}), "电子商务 专项资金 申报", kTopicFin, "财政"}, K::kNotice, 0},
      {{"关于申报{Y}年度商贸流通业发展扶持资金的通知", "申报{Y}年度商贸流通业发展扶持资金", kDomestic, kAny0, kAny1, months({3, 4, 5, 6, 7, 8, 9}), "商贸流通 扶持资金 申报", kTopicFin, "财政"}, K::kNotice, 0},
      {{"关于做好{Y}年度外商投资企业联合年检工作的通知", "做好{Y}年度外商投资企业联合年检工作", kInvest, kAny0, kAny1, months({2, 3, 4}), "联合年检 外商投资企业"}, K::kNotice, 0},
      {{"关于开展{Y}年度拍卖企业年审工作的通知", "开展{Y}年度拍卖企业年审工作", kDomestic, kAny0, kAny1, months({2, 3, 4}), "拍卖企业 年审"}, K::kNotice, 0},
      {{"关于开展{Y}年度成品油零售企业年检工作的通知", "开展{Y}年度成品油零售企业年检工作", kMarket, kAny0, kAny1, months({2, 3, 4, 5}), "成品油 年检"}, K::kNotice, 0},
      {{"关于开展{Y}年度酒类经营者备案登记核查工作的通知", "开展{Y}年度酒类经营者备案登记核查工作", kMarket, kAny0, kAny1, 0, "酒类经营 备案登记"}, K::kNotice, 0},
      {{"关于做好{fY}年{fest_pre}期间市场供应和安全工作的通知", "做好{fY}年{fest_pre}期间市场供应和安全工作", kMarket, kAny0, kAny1, months({1, 4, 6, 9, 12}), "节日市场 市场供应 安全生产"}, K::kNotice, 0},
      {{"关于开展{Y}年度再生资源回收经营者备案工作的通知", "开展{Y}年度再生资源回收经营者备案工作", kDomestic, kAny0, kAny1, 0, "再生资源 备案"}, K::kNotice, 0},
      {{"关于做好{Y}年商务统计工作的通知", "做好{Y}年商务统计工作", kGeneral, kAny0, kAny1, months({1, 2, 3}), "商务统计", kTopicEcon, "统计"}, K::kNotice, 0},
      {{"{Y}年度中小企业国际市场开拓资金拟扶持项目公示", "{Y}年度中小企业国际市场开拓资金拟扶持项目", kTrade, kAny0, kAny1, months({6, 7, 8, 9, 10, 11, 12}), "市场开拓资金 公示", kTopicFin, "财政"}, K::kPublicity, 0},
      {{"{Y}年度服务业发展引导资金拟扶持项目公示", "{Y}年度服务业发展引导资金拟扶持项目", kService, 2011, kAny1, months({6, 7, 8, 9, 10, 11, 12}), "服务业 引导资金 公示", kTopicFin, "财政"}, K::kPublicity, 0},
      {{"{Y}年度电子商务发展专项资金拟扶持项目公示", "{Y}年度电子商务发展专项资金拟扶持项目", kEcom, 2011, kAny1, months({6, 7, 8, 9, 10, 11, 12}), "电子商务 专项资金 公示", kTopicFin, "财政"}, K::kPublicity, 0},
      {{"{Y}年度商贸流通业发展扶持资金拟扶持项目公示", "{Y}年度商贸流通业发展扶持资金拟扶持项目", kDomestic, kAny0, kAny1, months({6, 7, 8, 9, 10, 11, 12}), "商贸流通 扶持资金 公示", kTopicFin, "财政"}, K::kPublicity, 0},
      {{"关于公布{PY}年度全市外贸出口先进企业名单的通报", "{PY}年度全市外贸出口先进企业", kTrade, 2009, kAny1, months({1, 2, 3, 4}), "外贸出口 先进企业"}, K::kBulletin, 0},
      {{"关于公布{PY}年度全市商贸流通业重点企业名单的通报", "{PY}年度全市商贸流通业重点企业", kDomestic, 2009, kAny1, months({1, 2, 3, 4}), "商贸流通 重点企业"}, K::kBulletin, 0},
      {{"关于公布{PY}年度全市服务业重点企业名单的通报", "{PY}年度全市服务业重点企业", kService, 2012, kAny1, months({1, 2, 3, 4}), "服务业 重点企业"}, K::kBulletin, 0},
      {{"{period2}全市服务业发展情况分析", "", kService, kAny0, kAny1, months({1, 2, 7, 8, 10, 11}), "服务业 运行分析", kTopicEcon, "宏观经济"}, K::kAnalysis, 3},
      {{"{period2}全市商贸流通业运行情况分析", "", kDomestic, kAny0, kAny1, months({1, 2, 7, 8, 10, 11}), "商贸流通 运行分析", kTopicEcon, "宏观经济"}, K::kAnalysis, 1},
      {{"{period2}全市外贸运行情况分析", "", kTrade, kAny0, kAny1, months({1, 2, 7, 8, 10, 11}), "外贸 运行分析", kTopicEcon, "宏观经济"}, K::kAnalysis, 0},
  };
  return k;
}

// The agency's own documents (本单位文件).
struct OwnTpl {
  Tpl t;
  const char* genre;
};

const std::vector<OwnTpl>& own_templates() {
  static const std::vector<OwnTpl> k = {
      {{"慈溪市商务局关于印发{Y}年全市商务工作要点的通知", "印发{Y}年全市商务工作要点", kGeneral, kAny0, kAny1, months({1, 2, 3}), "商务工作 工作要点"}, "通知"},
      {{"慈溪市商务局关于成立{group}领导小组的通知", "成立{group}领导小组", kGeneral, kAny0, 2010, 0, "领导小组 {group_kw}"}, "通知"},
      {{"慈溪市商务局关于调整{group}领导小组成员的通知", "调整{group}领导小组成员", kGeneral, 2010, kAny1, 0, "领导小组 {group_kw}"}, "通知"},
      {{"慈溪市商务局关于表彰{PY}年度商务工作先进集体和先进个人的决定", "表彰{PY}年度商务工作先进集体和先进个人", kGeneral, 2009, kAny1, months({1, 2, 3, 4}), "表彰 先进集体 先进个人"}, "决定"},
      {{"慈溪市商务局关于同意{town}{mkt}改造提升方案的批复", "{town}{mkt}改造提升方案", kDomestic, kAny0, kAny1, 0, "农贸市场 改造提升 批复"}, "批复"},
      {{"慈溪市商务局关于商请协助做好{Y}年成品油市场联合执法检查工作的函", "成品油市场联合执法检查", kMarket, kAny0, kAny1, 0, "成品油 联合执法"}, "函"},
      {{"慈溪市商务局关于商请协助做好{Y}年外商投资企业联合年检工作的函", "外商投资企业联合年检", kInvest, kAny0, kAny1, months({2, 3, 4}), "联合年检 外商投资企业"}, "函"},
      {{"慈溪市商务局关于商请提供{Y}年服务业统计数据的函", "服务业统计数据采集", kService, 2011, kAny1, 0, "服务业 统计"}, "函"},
      {{"慈溪市商务局关于{Y}年上半年商务重点工作完成情况的通报", "{Y}年上半年商务重点工作完成情况", kGeneral, kAny0, kAny1, months({7, 8}), "重点工作 通报"}, "通报"},
      {{"慈溪市商务局关于{Y}年前三季度商务重点工作完成情况的通报", "{Y}年前三季度商务重点工作完成情况", kGeneral, kAny0, kAny1, months({10, 11}), "重点工作 通报"}, "通报"},
      {{"慈溪市商务局{Y}年第{meet_n}次局长办公会议纪要", "", kGeneral, kAny0, kAny1, 0, "局长办公会议 纪要"}, "纪要"},
      {{"慈溪市商务局关于进一步加强商贸流通领域安全生产工作的意见", "", kDomestic, kAny0, kAny1, 0, "安全生产 商贸流通"}, "意见"},
      {{"慈溪市商务局关于进一步做好外贸出口服务工作的意见", "", kTrade, kAny0, kAny1, 0, "外贸出口 企业服务"}, "意见"},
      {{"慈溪市商务局关于进一步加强服务业招商引资工作的意见", "", kService, 2011, kAny1, 0, "服务业 招商引资"}, "意见"},
      {{"慈溪市商务局关于加强电子商务人才培养工作的意见", "", kEcom, 2010, kAny1, 0, "电子商务 人才培养"}, "意见"},
      {{"慈溪市商务局关于进一步加强农村市场体系建设的意见", "", kDomestic, kAny0, kAny1, 0, "农村市场 体系建设"}, "意见"},
      {{"慈溪市商务局关于开展{Y}年“服务企业、服务基层”活动的通知", "开展{Y}年“服务企业、服务基层”活动", kGeneral, kAny0, kAny1, 0, "服务企业 服务基层"}, "通知"},
  };
  return k;
}

// Documents of superior and city authorities (上级文件). Levels: bit 0 商务部, bit 1 浙江省商务厅,
// bit 2 宁波市, bit 3 慈溪市人民政府.
constexpr int kNat = 1, kProv = 2, kNb = 4, kCixi = 8;

struct SupTpl {
  Tpl t;  // t.title is the subject: 关于{title}的{genre}
  const char* genre;
  int levels;
  const char* expires = nullptr;  // validity: 失效 on this date
};

const std::vector<SupTpl>& superior_templates() {
  static const std::vector<SupTpl> k = {
      {{"做好{fY}年{fest_pre}期间市场供应工作", "", kMarket, kAny0, kAny1, months({1, 4, 6, 9, 12}), "市场供应 节日市场"}, "通知", kNat | kProv | kNb | kCixi},
      {{"进一步促进外贸稳定增长", "", kTrade, 2010, kAny1, 0, "外贸 稳定增长"}, "意见", kProv | kNb | kCixi},
      {{"应对国际金融危机促进外贸稳定发展", "", kTrade, 2009, 2009, 0, "金融危机 外贸"}, "意见", kProv | kNb | kCixi},
      {{"印发{Y}年{region}商务工作要点", "", kGeneral, kAny0, kAny1, months({1, 2, 3, 4}), "商务工作 工作要点"}, "通知", kProv | kNb},
      {{"做好{Y}年度外商投资企业联合年检工作", "", kInvest, kAny0, kAny1, months({2, 3, 4}), "联合年检 外商投资企业"}, "通知", kProv | kNb},
      {{"做好家电下乡推广工作", "", kDomestic, 2009, 2009, 0, "家电下乡"}, "通知", kProv | kNb, "2013-01-31"},
      {{"实施汽车以旧换新补贴政策", "", kDomestic, 2009, 2010, months({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), "以旧换新 汽车消费"}, "通知", kProv | kNb, "2010-12-31"},
      {{"加强单用途商业预付卡管理", "", kMarket, 2012, kAny1, 0, "预付卡 管理"}, "通知", kNat | kProv | kNb},
      {{"组织申报{Y}年度中小企业国际市场开拓资金项目", "", kTrade, kAny0, kAny1, months({2, 3, 4, 5, 6, 7, 8, 9}), "市场开拓资金 申报", kTopicFin, "财政"}, "通知", kProv | kNb},
      {{"加快电子商务发展", "", kEcom, 2010, kAny1, 0, "电子商务 发展"}, "意见", kProv | kNb | kCixi},
      {{"进一步加强成品油市场监管", "", kMarket, kAny0, kAny1, 0, "成品油 市场监管"}, "通知", kProv | kNb | kCixi},
      {{"加快推进农村现代流通体系建设", "", kDomestic, kAny0, kAny1, 0, "农村流通 体系建设"}, "意见", kProv | kNb | kCixi},
      {{"公布{PY}年度浙江出口名牌名单", "", kTrade, kAny0, kAny1, months({1, 2, 3, 4, 5, 6}), "出口名牌 品牌建设"}, "通知", kProv},
      {{"做好{Y}年度商务统计工作", "", kGeneral, kAny0, kAny1, months({1, 2, 3}), "商务统计", kTopicEcon, "统计"}, "通知", kProv | kNb},
      {{"进一步加快服务业发展", "", kService, kAny0, kAny1, 0, "服务业 加快发展"}, "意见", kNb | kCixi},
      {{"开展{Y}年商务领域安全生产大检查", "", kDomestic, kAny0, kAny1, 0, "安全生产 大检查"}, "通知", kProv | kNb | kCixi},
      {{"印发{region}“十二五”服务业发展规划", "", kService, 2011, 2012, 0, "服务业 十二五 规划", kTopicEcon, "宏观经济"}, "通知", kProv | kNb},
      {{"加强商贸流通领域节能减排工作", "", kDomestic, kAny0, kAny1, 0, "节能减排 商贸流通"}, "通知", kProv | kNb},
      {{"做好{Y}年出口信用保险工作", "", kTrade, kAny0, kAny1, 0, "出口信用保险", kTopicFin, "保险"}, "通知", kProv | kNb},
      {{"加快服务外包产业发展", "", kService, 2009, kAny1, 0, "服务外包 产业发展"}, "意见", kNb | kCixi},
      {{"进一步做好生猪屠宰管理工作", "", kMarket, kAny0, kAny1, 0, "生猪屠宰 管理"}, "通知", kProv | kNb | kCixi},
      {{"进一步扩大消费促进商贸流通业发展", "", kDomestic, kAny0, kAny1, 0, "扩大消费 商贸流通"}, "意见", kNb | kCixi},
      {{"开展{Y}年诚信兴商宣传月活动", "", kDomestic, kAny0, kAny1, months({3, 4, 5, 6}), "诚信兴商 宣传月"}, "通知", kNat | kProv},
      {{"推进肉菜流通追溯体系建设", "", kMarket, 2011, kAny1, 0, "肉菜流通 追溯体系"}, "通知", kNat | kProv | kNb},
      {{"加强和改进外商投资管理工作", "", kInvest, kAny0, kAny1, 0, "外商投资 管理"}, "通知", kProv | kNb},
      {{"做好{Y}年度对外贸易经营者备案登记工作", "", kTrade, kAny0, kAny1, 0, "外贸经营者 备案登记"}, "通知", kProv | kNb},
      {{"进一步规范拍卖行业经营秩序", "", kDomestic, kAny0, kAny1, 0, "拍卖行业 经营秩序"}, "通知", kNat | kProv},
      {{"进一步做好利用外资工作", "", kInvest, kAny0, kAny1, 0, "利用外资"}, "意见", kNb | kCixi},
  };
  return k;
}

struct Issuer {
  const char* name;
  const char* prefix;
};

// The issuing authority for a level, theme, genre and year.
Issuer issuer_for(int level, Theme t, const char* genre, int year) {
  if (level == kNat) {
    switch (t) {
      case kTrade: return {"商务部", "商贸发"};
      case kInvest: return {"商务部", "商资发"};
      case kMarket: return {"商务部", "商运发"};
      case kService: return {"商务部", "商服贸发"};
      case kEcom: return {"商务部", "商电发"};
      default: return {"商务部", "商流通发"};
    }
  }
  if (level == kProv) {
    return {"浙江省商务厅", "浙商务发"};
  }
  if (level == kNb) {
    if (year >= 2010) return {"宁波市商务委员会", "甬商务"};
    if (t == kTrade || t == kInvest) return {"宁波市对外贸易经济合作局", "甬外经贸"};
    return {"宁波市贸易局", "甬贸"};
  }
  if (std::string_view(genre) == "意见") return {"慈溪市人民政府", "慈政发"};
  return {"慈溪市人民政府办公室", "慈政办发"};
}

// Documents numbered per issuer and year, roughly this many in a year.
int yearly_rate(std::string_view prefix) {
  static const std::array<std::pair<std::string_view, int>, 13> kRates = {{
      {"慈商", 110}, {"浙商务发", 260}, {"甬商务", 180}, {"甬外经贸", 200}, {"甬贸", 150},
      {"慈政发", 160}, {"慈政办发", 230}, {"商贸发", 700}, {"商资发", 600}, {"商运发", 500},
      {"商服贸发", 300}, {"商电发", 200}, {"商流通发", 300}}};
  for (const auto& [p, r] : kRates) {
    if (p == prefix) return r;
  }
  return 100;
}

// Services of the 办事指南 (guides to the bureau's administrative services).
struct Service {
  const char* name;
  const char* kw;
  Theme theme;
  int from, to;
  const char* basis;
  const char* condition;
  const char* materials;  // items separated by '；'
  int days;               // working days to decide; 0: per the yearly notice
};

const std::vector<Service>& services() {
  static const std::vector<Service> k = {
      {"对外贸易经营者备案登记", "外贸经营者备案", kTrade, kAny0, kAny1, "《中华人民共和国对外贸易法》《对外贸易经营者备案登记办法》", "已依法办理工商登记或者其他执业手续的法人、其他组织或者个人", "《对外贸易经营者备案登记表》；营业执照副本复印件；组织机构代码证复印件；法定代表人身份证复印件", 5},
      {"外商投资企业设立审批", "外资企业设立", kInvest, kAny0, kAny1, "《中华人民共和国中外合资经营企业法》《中华人民共和国外资企业法》及其实施细则", "投资项目符合国家产业政策和《外商投资产业指导目录》的要求", "设立申请书；可行性研究报告；合同、章程；投资者主体资格证明和资信证明；企业名称预先核准通知书", 20},
      {"外商投资企业变更审批", "外资企业变更", kInvest, kAny0, kAny1, "《外商投资企业投资者股权变更的若干规定》等有关规定", "已批准设立的外商投资企业申请变更投资者、股权、注册资本、经营范围等事项", "变更申请书；董事会决议；合同、章程修改协议；外商投资企业批准证书正副本；营业执照副本复印件", 15},
      {"外商投资企业经营期限延长审批", "经营期限延长", kInvest, kAny0, kAny1, "《中华人民共和国中外合资经营企业法实施条例》等有关规定", "外商投资企业在经营期限届满六个月前提出申请", "延长经营期限申请书；董事会决议；外商投资企业批准证书；营业执照副本复印件", 15},
      {"酒类商品零售许可", "酒类零售", kMarket, kAny0, kAny1, "《酒类流通管理办法》及省有关规定", "有固定经营场所并已取得营业执照的酒类零售经营者", "申请表；营业执照副本复印件；经营场所证明；食品流通许可证复印件", 10},
      {"酒类商品批发许可初审", "酒类批发", kMarket, kAny0, kAny1, "《酒类流通管理办法》及省有关规定", "有与经营规模相适应的仓储设施和固定经营场所的酒类批发企业", "申请表；营业执照副本复印件；仓储场所证明；质量管理制度文本", 10},
      {"成品油零售经营资格初审", "成品油零售", kMarket, kAny0, kAny1, "《成品油市场管理办法》", "符合当地加油站行业发展规划，具备相应设施和安全条件的企业", "申请文件；加油站规划确认文件；土地使用证明；消防、环保验收文件；营业执照副本复印件", 20},
      {"拍卖企业设立初审", "拍卖企业", kDomestic, kAny0, kAny1, "《中华人民共和国拍卖法》《拍卖管理办法》", "有符合规定的注册资本、固定办公场所和拍卖师，有符合要求的拍卖业务规则", "申请书；公司章程；拍卖业务规则；拍卖师资格证书复印件；办公场所证明", 10},
      {"典当行设立初审", "典当行", kDomestic, kAny0, kAny1, "《典当管理办法》", "有符合规定的注册资本和营业场所，有熟悉典当业务的经营管理人员和鉴定评估人员", "申请书；可行性研究报告；公司章程；验资证明；营业场所所有权或者使用权证明", 20},
      {"再生资源回收经营者备案", "再生资源回收", kDomestic, kAny0, kAny1, "《再生资源回收管理办法》", "已取得营业执照的再生资源回收经营者，应当自取得营业执照之日起30日内办理备案", "备案登记表；营业执照副本复印件；经营场所证明；法定代表人身份证复印件", 5},
      {"二手车交易市场经营者备案", "二手车交易", kDomestic, kAny0, kAny1, "《二手车流通管理办法》", "已取得营业执照的二手车交易市场经营者和二手车经营主体", "备案登记表；营业执照副本复印件；经营场所证明", 5},
      {"报废汽车回收拆解企业资格初审", "报废汽车回收", kDomestic, kAny0, kAny1, "《报废汽车回收管理办法》", "具备规定的注册资本、拆解场地、拆解设备和环境保护设施的企业", "申请书；营业执照副本复印件；场地和设备证明；环境影响评价文件", 20},
      {"单用途商业预付卡发卡企业备案", "预付卡备案", kMarket, 2012, kAny1, "《单用途商业预付卡管理办法（试行）》", "发卡企业应当在开展单用途卡业务之日起30日内办理备案", "备案表；营业执照副本复印件；单用途卡章程和购卡协议样本；资金管理制度", 5},
      {"生猪定点屠宰厂（场）设立审查", "生猪定点屠宰", kMarket, kAny0, kAny1, "《生猪屠宰管理条例》", "符合生猪定点屠宰厂（场）设置规划，具备规定的屠宰设施、检验设备和人员", "申请书；选址、设施设备说明；检验人员资格证明；环保、动物防疫条件证明", 20},
      {"机电产品自动进口许可证申领", "自动进口许可", kTrade, kAny0, kAny1, "《机电产品进口管理办法》《机电产品自动进口许可实施办法》", "依法办理对外贸易经营者备案登记的进口单位", "自动进口许可证申请表；进口合同复印件；营业执照副本复印件", 5},
      {"出口许可证申领", "出口许可证", kTrade, kAny0, kAny1, "《货物出口许可证管理办法》", "具有相应出口经营资格并已取得出口配额或者批准文件的企业", "出口许可证申请表；出口合同复印件；配额或者批准文件", 3},
      {"加工贸易业务批准证审批", "加工贸易", kTrade, kAny0, kAny1, "《加工贸易审批管理暂行办法》", "具有加工贸易经营资格和相应生产能力的企业", "加工贸易业务申请表；进出口合同；加工企业生产能力证明", 5},
      {"中小企业国际市场开拓资金申报", "市场开拓资金", kTrade, kAny0, kAny1, "《中小企业国际市场开拓资金管理办法》", "上年度海关统计出口额在规定限额以下、近三年无违法行为的中小企业", "申报表；项目费用支出凭证；营业执照副本复印件；对外贸易经营者备案登记表复印件", 0},
      {"服务业发展引导资金申报", "服务业引导资金", kService, 2011, kAny1, "《慈溪市服务业发展引导资金管理办法》", "在我市注册、符合扶持方向的服务业企业和项目", "申报表；项目可行性报告；投资凭证；营业执照副本复印件", 0},
      {"服务外包企业认定", "服务外包", kService, 2009, kAny1, "国家和省有关服务外包企业认定管理的规定", "从事信息技术外包、业务流程外包或者知识流程外包业务的企业", "认定申请表；营业执照副本复印件；服务外包合同；从业人员情况", 15},
      {"电子商务发展专项资金申报", "电子商务资金", kEcom, 2011, kAny1, "《慈溪市电子商务发展专项资金管理办法》", "在我市注册、开展电子商务应用或者服务的企业", "申报表；项目实施情况说明；费用支出凭证；营业执照副本复印件", 0},
      {"境外投资企业（机构）核准初审", "境外投资", kInvest, kAny0, kAny1, "《境外投资管理办法》", "在我市注册、依法设立的企业到境外投资设立企业或者机构", "申请书；境外投资申请表；营业执照副本复印件；前期工作落实情况说明", 10},
      {"对外劳务合作经营资格初审", "对外劳务合作", kInvest, 2012, kAny1, "《对外劳务合作管理条例》", "符合规定注册资本、具有相应管理人员并按规定缴存备用金的企业", "申请书；营业执照副本复印件；验资证明；管理人员情况；管理制度", 15},
      {"商业特许经营备案", "特许经营", kDomestic, kAny0, kAny1, "《商业特许经营管理条例》《商业特许经营备案管理办法》", "拥有成熟经营模式并拥有至少2个直营店且经营时间超过1年的特许人", "备案申请表；营业执照复印件；特许经营合同样本；特许经营操作手册目录；直营店证明材料", 10},
      {"直销企业服务网点核查", "直销", kMarket, kAny0, kAny1, "《直销管理条例》", "已取得直销经营许可、在我市设立服务网点的直销企业", "服务网点方案；营业场所证明；直销企业经营许可证复印件", 15},
      {"家电下乡销售网点申报", "家电下乡", kDomestic, 2009, 2012, "家电下乡推广工作有关规定", "在我市农村地区具有固定经营场所、具备相应售后服务能力的家电销售企业", "申报表；营业执照副本复印件；经营场所证明；售后服务承诺书", 10},
  };
  return k;
}

struct Aspect {
  const char* suffix;
  const char* summary;
};

const std::array<Aspect, 6>& aspects() {
  static const std::array<Aspect, 6> k = {{
      {"办事指南", "介绍{s}的设定依据、申请条件、申请材料、办理程序和办理时限。"},
      {"申请材料目录", "列明办理{s}需要提交的申请材料及有关要求。"},
      {"办理流程", "说明{s}从申请、受理、审查到决定、送达的办理流程。"},
      {"申请表下载", "提供{s}申请表格的获取方式和填写说明。"},
      {"常见问题解答", "解答办理{s}过程中申请人经常咨询的问题。"},
      {"设定依据", "列明{s}的法律法规依据和实施机关。"},
  }};
  return k;
}

// Explicit lists: normative documents, guides, functions, leaders, plans.
struct Normative {
  int year;
  const char* title;
  const char* genre;
  Theme theme;
  uint16_t mask;
  const char* measure;  // the measure issued (empty for an 意见)
  const char* purpose;
  const char* basis;
  const char* content;
  const char* expires = nullptr;  // 失效 date
  int replaced_by = -1;           // index in this list of the document that repeals it
};

const std::vector<Normative>& normatives() {
  static const std::vector<Normative> k = {
      {2008, "慈溪市商务局关于印发《慈溪市外贸出口扶持资金管理办法》的通知", "通知", kTrade, 0, "慈溪市外贸出口扶持资金管理办法", "进一步规范外贸出口扶持资金管理，提高资金使用效益", "国家和省、宁波市有关外经贸发展专项资金管理规定", "对扶持对象、扶持范围和标准、申报程序、监督管理等作了规定", nullptr, 8},
      {2008, "慈溪市商务局关于印发《慈溪市商贸企业安全生产管理规定》的通知", "通知", kDomestic, 0, "慈溪市商贸企业安全生产管理规定", "加强商贸企业安全生产管理，预防和减少安全事故", "《中华人民共和国安全生产法》《浙江省安全生产条例》", "明确了商贸企业的安全生产主体责任、安全管理制度、隐患排查治理和事故报告等要求"},
      {2008, "慈溪市商务局关于加强成品油零售市场监督管理的意见", "意见", kMarket, 0, "", "规范成品油零售市场秩序，保障成品油市场供应和安全", "《成品油市场管理办法》", "坚持规划引导、规范经营、强化监管的原则，进一步健全成品油零售市场监督管理长效机制"},
      {2009, "慈溪市商务局关于印发《慈溪市家电下乡产品销售网点管理暂行办法》的通知", "通知", kDomestic, months({2, 3, 4, 5, 6}), "慈溪市家电下乡产品销售网点管理暂行办法", "规范家电下乡产品销售网点经营行为，确保家电下乡政策落到实处", "国家有关家电下乡推广工作的规定", "对销售网点的确定条件、经营规范、补贴申领服务和监督检查作了规定", "2013-01-31"},
      {2009, "慈溪市商务局关于印发《慈溪市中小企业国际市场开拓资金管理实施细则》的通知", "通知", kTrade, 0, "慈溪市中小企业国际市场开拓资金管理实施细则", "用好中小企业国际市场开拓资金，支持中小企业开拓国际市场", "《中小企业国际市场开拓资金管理办法》及省有关实施办法", "对资金的支持对象、支持内容、支持比例、申报审核和监督检查作了具体规定"},
      {2009, "慈溪市商务局关于印发《慈溪市酒类商品流通管理实施办法》的通知", "通知", kMarket, 0, "慈溪市酒类商品流通管理实施办法", "加强酒类商品流通管理，规范酒类经营秩序", "《酒类流通管理办法》", "对酒类经营者备案登记、经营行为规范、随附单管理和监督检查作了规定"},
      {2010, "慈溪市商务局 慈溪市财政局关于印发《慈溪市汽车以旧换新补贴资金管理暂行办法》的通知", "通知", kDomestic, months({1, 2, 3, 4, 5, 6}), "慈溪市汽车以旧换新补贴资金管理暂行办法", "做好汽车以旧换新补贴资金管理工作，扩大汽车消费", "国家有关汽车以旧换新的规定", "对补贴对象、补贴标准、申领程序和资金监管作了规定", "2010-12-31"},
      {2010, "慈溪市商务局关于加快电子商务发展的若干意见", "意见", kEcom, 0, "", "加快推进我市电子商务发展，促进经济转型升级", "国家和省有关加快电子商务发展的政策规定", "提出了加快电子商务发展的总体目标、主要任务和扶持措施", nullptr, 13},
      {2011, "慈溪市商务局关于印发《慈溪市外贸发展扶持资金管理办法》的通知", "通知", kTrade, 0, "慈溪市外贸发展扶持资金管理办法", "进一步发挥财政资金引导作用，促进外贸稳定增长和结构优化", "国家和省、宁波市有关外经贸发展专项资金管理规定", "对扶持资金的使用范围、扶持标准、申报审核和监督管理作了规定，原《慈溪市外贸出口扶持资金管理办法》同时废止"},
      {2011, "慈溪市商务局关于印发《慈溪市服务业发展引导资金管理办法》的通知", "通知", kService, 0, "慈溪市服务业发展引导资金管理办法", "规范服务业发展引导资金管理，加快推进服务业发展", "国家和省、宁波市有关服务业发展引导资金管理规定", "对引导资金的扶持方向、扶持方式、申报程序和监督管理作了规定"},
      {2011, "慈溪市商务局关于印发《慈溪市再生资源回收经营者备案管理实施办法》的通知", "通知", kDomestic, 0, "慈溪市再生资源回收经营者备案管理实施办法", "规范再生资源回收行业经营秩序，促进资源循环利用", "《再生资源回收管理办法》", "对备案条件、备案程序、经营规范和监督检查作了规定"},
      {2012, "慈溪市商务局关于印发《慈溪市单用途商业预付卡管理实施办法》的通知", "通知", kMarket, months({11, 12}), "慈溪市单用途商业预付卡管理实施办法", "规范单用途商业预付卡管理，维护持卡人合法权益", "《单用途商业预付卡管理办法（试行）》", "对发卡企业备案、资金管理、发行与服务和监督检查作了规定"},
      {2012, "慈溪市商务局关于印发《慈溪市服务外包产业发展扶持办法》的通知", "通知", kService, 0, "慈溪市服务外包产业发展扶持办法", "加快服务外包产业发展，培育新的经济增长点", "国家和省有关促进服务外包产业发展的政策规定", "对服务外包企业认定、人才培训、市场开拓和载体建设等扶持措施作了规定"},
      {2013, "慈溪市商务局关于印发《慈溪市电子商务发展专项资金管理办法》的通知", "通知", kEcom, 0, "慈溪市电子商务发展专项资金管理办法", "加大电子商务扶持力度，推动电子商务健康快速发展", "国家和省、宁波市有关电子商务发展的政策规定", "对专项资金的扶持范围、扶持标准、申报审核和监督管理作了规定，原《慈溪市商务局关于加快电子商务发展的若干意见》同时废止"},
  };
  return k;
}

// Items of 公开指南, 机构职能 and 领导信息 and 计划总结类: a year, a title pattern and a body kind.
struct Fixed {
  int year;
  const char* sub;
  const char* title;  // may use {A}
  const char* kind;   // selects the body generator
  const char* arg;    // kind-specific: a department, a leader's name, ...
};

const std::vector<Fixed>& fixed_items() {
  static const std::vector<Fixed> k = {
      // 公开指南
      {2008, "公开指南", "{A}政府信息公开指南", "guide", ""},
      {2008, "公开指南", "{A}政府信息公开目录", "catalog", ""},
      {2008, "公开指南", "{A}政府信息依申请公开申请表", "form", ""},
      {2008, "公开指南", "{A}政府信息依申请公开办理流程", "flow", ""},
      {2009, "公开指南", "{A}政府信息公开指南（2009年修订）", "guide", ""},
      {2010, "公开指南", "{A}政府信息公开保密审查制度", "rule", "保密审查"},
      {2011, "公开指南", "{A}政府信息公开指南（2011年修订）", "guide", ""},
      {2012, "公开指南", "{A}政府信息公开目录（2012年更新）", "catalog", ""},
      {2013, "公开指南", "{A}政府信息公开指南（2013年修订）", "guide", ""},
      {2013, "公开指南", "{A}政府信息公开目录（2013年更新）", "catalog", ""},
      {2013, "公开指南", "{A}政府信息依申请公开申请表（2013年版）", "form", ""},
      {2013, "公开指南", "{A}政府信息依申请公开办理流程图", "flow", ""},
      {2013, "公开指南", "{A}政府信息公开发布审核制度", "rule", "发布审核"},
      {2013, "公开指南", "{A}政府信息公开责任追究制度", "rule", "责任追究"},
      // 机构职能
      {2008, "机构职能", "{A}主要职责", "duties", ""},
      {2008, "机构职能", "{A}内设机构", "units", ""},
      {2008, "机构职能", "{A}下属单位", "affiliates", ""},
      {2008, "机构职能", "{A}办公地址及联系方式", "contact", ""},
      {2009, "机构职能", "{A}内设机构（2009年调整）", "units", ""},
      {2010, "机构职能", "{A}办公时间及联系方式（2010年更新）", "contact", ""},
      {2011, "机构职能", "慈溪市商务局加挂慈溪市服务业发展局牌子的说明", "second_name", ""},
      {2011, "机构职能", "{A}主要职责（2011年调整）", "duties", ""},
      {2012, "机构职能", "{A}内设机构（2012年更新）", "units", ""},
      {2013, "机构职能", "{A}主要职责（2013年）", "duties", ""},
      {2013, "机构职能", "{A}内设机构（2013年）", "units", ""},
      {2013, "机构职能", "{A}办公室职能", "dept", "办公室"},
      {2013, "机构职能", "{A}商贸流通科职能", "dept", "商贸流通科"},
      {2013, "机构职能", "{A}对外贸易科职能", "dept", "对外贸易科"},
      {2013, "机构职能", "{A}外商投资科职能", "dept", "外商投资科"},
      {2013, "机构职能", "{A}服务业发展科职能", "dept", "服务业发展科"},
      {2013, "机构职能", "{A}电子商务科职能", "dept", "电子商务科"},
      {2013, "机构职能", "{A}市场运行科职能", "dept", "市场运行科"},
      {2013, "机构职能", "{A}办公地址及联系方式（2013年更新）", "contact", ""},
      {2013, "机构职能", "{A}下属单位（2013年）", "affiliates", ""},
      {2013, "机构职能", "{A}政府信息公开工作机构", "disclosure_office", ""},
      // 领导信息
      {2008, "领导信息", "{A}领导班子成员", "team", ""},
      {2008, "领导信息", "局长孙建平简介", "bio", "孙建平"},
      {2009, "领导信息", "{A}局领导工作分工（2009年）", "duties_split", ""},
      {2010, "领导信息", "副局长胡晓燕简介", "bio", "胡晓燕"},
      {2010, "领导信息", "{A}局领导工作分工（2010年）", "duties_split", ""},
      {2011, "领导信息", "副局长吴海明简介", "bio", "吴海明"},
      {2012, "领导信息", "局长周海涛简介", "bio", "周海涛"},
      {2012, "领导信息", "{A}局领导工作分工（2012年）", "duties_split", ""},
      {2013, "领导信息", "{A}领导班子成员（2013年）", "team", ""},
      {2013, "领导信息", "{A}局领导工作分工（2013年）", "duties_split", ""},
      {2013, "领导信息", "局长周海涛简介（2013年更新）", "bio", "周海涛"},
      {2013, "领导信息", "副局长胡晓燕简介（2013年更新）", "bio", "胡晓燕"},
      {2013, "领导信息", "副局长吴海明简介（2013年更新）", "bio", "吴海明"},
      {2013, "领导信息", "副局长陆国强简介", "bio", "陆国强"},
      {2013, "领导信息", "纪检组长王丽萍简介", "bio", "王丽萍"},
      // 计划总结类
      {2008, "计划总结", "{A}2008年上半年工作总结和下半年工作思路", "midyear", ""},
      {2009, "年度报告", "{A}2008年度政府信息公开年度报告", "annual_report", ""},
      {2009, "计划总结", "{A}2008年工作总结和2009年工作思路", "summary", ""},
      {2009, "发展规划", "慈溪市“十一五”商贸流通业发展规划中期评估报告", "midterm", ""},
      {2010, "年度报告", "{A}2009年度政府信息公开年度报告", "annual_report", ""},
      {2010, "计划总结", "{A}2009年工作总结和2010年工作思路", "summary", ""},
      {2011, "年度报告", "{A}2010年度政府信息公开年度报告", "annual_report", ""},
      {2011, "计划总结", "{A}2010年工作总结和2011年工作思路", "summary", ""},
      {2011, "发展规划", "慈溪市商务发展“十二五”规划", "plan", "商务"},
      {2012, "年度报告", "{A}2011年度政府信息公开年度报告", "annual_report", ""},
      {2012, "计划总结", "{A}2011年工作总结和2012年工作思路", "summary", ""},
      {2012, "发展规划", "慈溪市服务业发展“十二五”规划", "plan", "服务业"},
      {2013, "年度报告", "{A}2012年度政府信息公开年度报告", "annual_report", ""},
      {2013, "计划总结", "{A}2012年工作总结和2013年工作思路", "summary", ""},
  };
  return k;
}

const char* top_of(std::string_view sub) {
  for (const auto& c : demo_agency().classes) {
    for (const auto& s : c.subclasses) {
      if (s == sub) return c.name.c_str();
    }
  }
  throw std::logic_error("demo corpus: unknown subclass");
}

// Per-year item counts of the template-driven subclasses. Together with the explicit lists
// above they give the seed's figures (see the header).
struct YearCounts {
  const char* sub;
  std::array<int, 6> by_year;  // 2008..2013
};

const std::array<YearCounts, 5>& generated_counts() {
  static const std::array<YearCounts, 5> k = {{
      {"本单位文件", {6, 5, 5, 4, 4, 3}},
      {"上级文件", {7, 6, 6, 6, 6, 4}},
      {"政务动态", {20, 27, 30, 31, 32, 40}},
      {"业务工作", {8, 11, 12, 13, 13, 16}},
      {"办事指南", {4, 3, 2, 1, 2, 112}},
  }};
  return k;
}

const std::vector<const char*>& towns() {
  static const std::vector<const char*> k = {
      "浒山街道", "白沙路街道", "古塘街道", "坎墩街道", "宗汉街道", "周巷镇", "观海卫镇",
      "逍林镇", "新浦镇", "掌起镇", "附海镇", "桥头镇", "匡堰镇", "横河镇", "胜山镇",
      "长河镇", "崇寿镇", "庵东镇", "龙山镇"};
  return k;
}

class Generator {
 public:
  std::vector<DemoItem> run();

 private:
  // Dates: publish date in [lo, hi] on a working day, created lag working days before.
  Dates dates_in(Date lo, Date hi, int lag) {
    Date p = random_workday(rng_, lo, hi);
    return {sub_workdays(p, lag), p};
  }
  Dates dates_in_year(int year, int lag) {
    return dates_in(year == 2008 ? ymd(2008, 5, 5) : ymd(year, 1, 1), ymd(year, 12, 31), lag);
  }
  int normal_lag() {
    const int r = rng_.uniform(0, 99);
    if (r < 55) return rng_.uniform(0, 3);
    if (r < 88) return rng_.uniform(4, 8);
    return rng_.uniform(9, 15);
  }
  int late_lag() { return rng_.uniform(21, 32); }

  Vars vars_for(Date created);
  bool claim(const std::string& title) { return titles_.insert(title).second; }

  Draft base(const char* sub, const Dates& d, Theme t, const Tpl* tpl = nullptr);
  std::string signature(const std::string& who, Date d) { return who + "　" + cn_date(d); }

  void gen_news(int year);
  void gen_business(int year, bool late);
  void gen_own(int year, bool late);
  void gen_superior(int year);
  void gen_guide_items(int year, bool batch);
  void gen_normatives();
  void gen_fixed();
  void fill_fixed_body(Draft& d, const Fixed& f);
  void fill_annual_report(Draft& d);
  void assign_doc_numbers();

  // Body builders.
  void notice_body(Draft& d, Theme t, const std::string& addressee,
                   const std::string& subject, const std::string& signer, bool contact,
                   const std::string& basis = "上级有关文件精神");
  void opinion_body(Draft& d, Theme t, const std::string& purpose, const std::string& basis,
                    const std::string& content, const std::string& signer,
                    const std::string& where = "我市");
  void stats_body(Draft& d, int stat, int year, int month, const std::string& period);

  Rng rng_{0x676F6E676B616931ULL};  // "gongkai1"
  std::set<std::string> titles_;
  std::vector<Draft> drafts_;
  std::vector<int> normative_index_;  // draft index of each entry of normatives()
};

Vars Generator::vars_for(Date c) {
  const int y = c.year(), m = c.month();
  Vars v;
  v["Y"] = std::to_string(y);
  v["PY"] = std::to_string(y - 1);
  v["M"] = std::to_string(m);
  v["D"] = std::to_string(c.day());
  v["A"] = agency_name(y);
  const auto in_office = leaders_in(y);
  std::vector<const Leader*> deputies;
  for (const Leader* l : in_office) {
    if (std::string_view(l->post) == "局长") v["chief"] = l->name;
    if (std::string_view(l->post) == "副局长") deputies.push_back(l);
  }
  v["deputy"] = rng_.pick(deputies)->name;
  v["town"] = rng_.pick(towns());
  static const std::vector<const char*> kIndustries = {
      "家电", "轴承", "化纤", "汽车零部件", "塑料模具", "纺织服装", "五金工具", "电线电缆", "小家电"};
  v["ind"] = rng_.pick(kIndustries);
  static const std::vector<const char*> kCountries = {
      "日本", "韩国", "德国", "意大利", "美国", "新加坡", "以色列", "澳大利亚", "荷兰", "西班牙", "波兰", "印度"};
  v["country"] = rng_.pick(kCountries);
  static const std::vector<const char*> kPlaces = {
      "香港", "上海", "深圳", "日本", "韩国", "台湾", "新加坡", "德国"};
  v["place"] = rng_.pick(kPlaces);
  v["n"] = std::to_string(rng_.uniform(3, 8) * 10);  // "40余家": round numbers
  v["n2"] = std::to_string(rng_.uniform(3, 9));
  v["canton"] = std::to_string((m <= 6 ? 103 : 104) + 2 * (y - 2008));
  // Festivals ahead of (pre) and just behind (post) the creation date.
  std::string pre = "元旦、春节";
  int fy = m == 12 ? y + 1 : y;
  if (m == 1) pre = "春节";
  if (m == 4) pre = "“五一”";
  if (m == 5 || m == 6) pre = "端午";
  if (m == 9) pre = "中秋、国庆";
  v["fest_pre"] = pre;
  v["fY"] = std::to_string(fy);
  std::string post = "春节";
  if (m == 1) post = "元旦";
  if (m == 5) post = "“五一”";
  if (m == 6) post = "端午";
  if (m == 10) post = "中秋、国庆";
  v["fest_post"] = post;
  v["period"] = m == 1 ? std::to_string(y - 1) + "年"
                : m == 2 ? std::to_string(y) + "年1月"
                         : std::to_string(y) + "年1-" + std::to_string(m - 1) + "月";
  std::string pq = std::to_string(y - 1) + "年";
  if (m == 4) pq = std::to_string(y) + "年一季度";
  if (m == 7) pq = std::to_string(y) + "年上半年";
  if (m == 10) pq = std::to_string(y) + "年前三季度";
  v["period_q"] = pq;
  const int trend_year = m == 1 ? y - 1 : y;
  static const std::array<const char*, 6> kTrends = {
      "增幅有所回落", "降幅逐步收窄", "实现快速回升", "保持平稳增长", "呈现稳中趋缓态势", "呈现稳中有升态势"};
  v["trend"] = kTrends[static_cast<size_t>(std::clamp(trend_year, 2008, 2013) - 2008)];
  std::string p2 = std::to_string(y - 1) + "年";
  if (m == 7 || m == 8) p2 = std::to_string(y) + "年上半年";
  if (m == 10 || m == 11) p2 = std::to_string(y) + "年前三季度";
  v["period2"] = p2;
  static const std::vector<std::pair<const char*, const char*>> kGroups = {
      {"政府信息公开工作", "政府信息公开"}, {"安全生产工作", "安全生产"},
      {"电子商务发展工作", "电子商务"}, {"服务业发展工作", "服务业"},
      {"机关效能建设", "效能建设"}, {"商务执法工作", "商务执法"},
      {"市场供应应急保障工作", "应急保障"}};
  const auto& g = rng_.pick(kGroups);
  v["group"] = g.first;
  v["group_kw"] = g.second;
  static const std::vector<const char*> kMarkets = {"农贸市场", "中心菜市场"};
  v["mkt"] = rng_.pick(kMarkets);
  v["meet_n"] = std::to_string((m - 1) * 2 + rng_.uniform(1, 2));
  v["region"] = "全市";
  return v;
}

Draft Generator::base(const char* sub, const Dates& d, Theme t, const Tpl* tpl) {
  Draft dr;
  DemoItem& it = dr.item;
  it.class_sub = sub;
  it.class_top = top_of(sub);
  it.topic = tpl && tpl->topic ? tpl->topic : theme(t).topic;
  it.topic_sub = tpl && tpl->topic_sub ? tpl->topic_sub : theme(t).topic_sub;
  it.department = dept_for(t, d.created.year());
  it.creation_date = d.created;
  it.publish_date = d.published;
  it.validity = "有效";
  it.carrier = "电子";
  it.genre = "其他";
  return dr;
}

// --- 政务动态 ---

void Generator::gen_news(int year) {
  const auto& tpls = news_templates();
  for (int attempt = 0; attempt < 400; ++attempt) {
    const Dates d = dates_in_year(year, rng_.uniform(0, 2));
    const int cy = d.created.year(), cm = d.created.month();
    const Tpl& t = rng_.pick(tpls);
    if (cy < t.from || cy > t.to || !month_ok(t.mask, cm)) continue;
    Vars v = vars_for(d.created);
    std::string title = fill(t.title, v);
    if (!claim(title)) continue;
    Draft dr = base("政务动态", d, t.theme, &t);
    const std::string lead = fill(t.lead, v);
    dr.item.title = title;
    dr.item.summary = lead + "。";
    dr.item.keywords = keywords({fill(t.kw, v), theme(t.theme).keyword});
    Body b(rng_);
    const std::string when = t.event == 'r' ? "" : cn_month_day(d.created) + "，";
    b.add(when + lead + "。" + b.sentences(t.theme, 1, t.event));
    const int extra = rng_.uniform(1, 3);
    for (int i = 0; i < extra; ++i) {
      // Meetings may close with the usual words about the meeting itself.
      const Theme pt = (i == extra - 1 && t.event == 'm' && rng_.percent(50)) ? kGeneral : t.theme;
      std::string p = b.sentences(pt, rng_.uniform(1, 2), t.event);
      if (!p.empty()) b.add(std::move(p));
    }
    if (b.size() < 2) b.add(b.sentences(kGeneral, 1));
    dr.item.body_html = b.html();
    drafts_.push_back(std::move(dr));
    return;
  }
  throw std::logic_error("demo corpus: could not place a news item");
}

// --- 业务工作 ---

void Generator::stats_body(Draft& d, int stat, int year, int month, const std::string& period) {
  const YearFigures& cur = figures(year);
  const YearFigures& prev = figures(year - 1);
  Body b(rng_);
  if (stat == 0) {
    const int64_t ex = cumulative(cur.exports, year, month), exp0 = cumulative(prev.exports, year - 1, month);
    const int64_t im = cumulative(cur.imports, year, month), imp0 = cumulative(prev.imports, year - 1, month);
    b.add(period + "，全市实现外贸进出口总额" + fixed2(ex + im) + "亿美元，同比" +
          growth_phrase(ex + im, exp0 + imp0) + "。其中，自营出口" + fixed2(ex) + "亿美元，同比" +
          growth_phrase(ex, exp0) + "；进口" + fixed2(im) + "亿美元，同比" + growth_phrase(im, imp0) + "。");
    static const std::vector<const char*> kAnalysis = {
        "从出口产品看，机电产品和高新技术产品出口保持增长，家电、轴承等传统优势产品出口基本稳定。",
        "从出口市场看，对欧盟、美国、日本等传统市场出口总体平稳，对东盟、拉美、非洲等新兴市场出口增长较快。",
        "从出口主体看，民营企业出口占全市出口总额的比重超过八成，继续发挥外贸主力军作用。",
        "从贸易方式看，一般贸易出口占主导地位，加工贸易出口比重有所下降。"};
    std::vector<const char*> a = kAnalysis;
    rng_.shuffle(a);
    b.add(std::string(a[0]) + a[1]);
    if (rng_.percent(60)) b.add(a[2]);
  } else if (stat == 1) {
    const int64_t r = cumulative(cur.retail, year, month), r0 = cumulative(prev.retail, year - 1, month);
    b.add(period + "，全市实现社会消费品零售总额" + fixed1(r) + "亿元，同比" + growth_phrase(r, r0) + "。");
    b.add("分行业看，批发和零售业、住宿和餐饮业零售额均保持增长，汽车、家用电器、通讯器材等商品销售较为活跃。");
    if (rng_.percent(60)) b.add("从市场运行看，粮油、肉类、蔬菜等生活必需品供应充足，价格总体平稳。");
  } else {
    const int64_t f = cumulative(cur.fdi, year, month), f0 = cumulative(prev.fdi, year - 1, month);
    const int projects = 2 + month * 3 / 2 + rng_.uniform(0, 3);
    b.add(period + "，全市新批外商投资项目" + std::to_string(projects) + "个，合同利用外资" +
          fixed2(f * 17 / 10) + "亿美元，实际利用外资" + fixed2(f) + "亿美元，同比" + growth_phrase(f, f0) + "。");
    b.add("从投资来源看，外资主要来自香港、台湾、新加坡、日本等国家和地区。");
    if (rng_.percent(60)) b.add("从投资领域看，外资主要投向家电、汽车零部件、新材料等制造业，服务业利用外资比重有所提高。");
  }
  d.item.body_html = b.html();
}

void Generator::notice_body(Draft& d, Theme t, const std::string& addressee,
                            const std::string& subject, const std::string& signer, bool contact,
                            const std::string& basis) {
  Body b(rng_);
  b.add(addressee);
  b.add("为" + std::string(rng_.pick(theme(t).purposes)) + "，根据" + basis + "，现就" + subject +
        "有关事项通知如下：");
  static const std::vector<const char*> kHeads = {
      "提高认识，加强组织领导。", "明确重点，精心组织实施。", "强化服务，注重工作实效。",
      "加强督查，确保工作落实。", "落实责任，确保安全稳定。", "加强沟通，及时报送信息。"};
  std::vector<const char*> heads = kHeads;
  rng_.shuffle(heads);
  b.add("一、" + std::string(heads[0]) + b.sentences(t, 1, 'p'));
  b.add("二、" + std::string(heads[1]) + b.sentences(t, 1, 'p'));
  if (contact) {
    const Date due = add_workdays(d.item.creation_date, rng_.uniform(10, 20));
    b.add("三、请各有关单位于" + cn_month_day(due) + "前将有关材料报送我局" + d.item.department +
          "。联系电话：" + kPhone + "。");
  }
  b.add(signature(signer, d.item.creation_date));
  d.item.body_html = b.html();
}

void Generator::opinion_body(Draft& d, Theme t, const std::string& purpose,
                             const std::string& basis, const std::string& content,
                             const std::string& signer, const std::string& where) {
  Body b(rng_);
  b.add("为" + purpose + "，根据" + basis + "，结合" + where + "实际，现提出如下意见：");
  b.add("一、总体要求。" + content + "。");
  b.add("二、主要任务。" + b.sentences(t, 2, 'p'));
  b.add(cat({"三、保障措施。", b.sentences(kGeneral, 1, 'p'), b.sentences(t, 1, 'p')}));
  b.add(signature(signer, d.item.creation_date));
  d.item.body_html = b.html();
}

void Generator::gen_business(int year, bool late) {
  const auto& tpls = business_templates();
  for (int attempt = 0; attempt < 400; ++attempt) {
    const Dates d = dates_in_year(year, late ? late_lag() : normal_lag());
    const int cy = d.created.year(), cm = d.created.month();
    const BizTpl& bt = rng_.pick(tpls);
    const Tpl& t = bt.t;
    if (cy < t.from || cy > t.to || !month_ok(t.mask, cm)) continue;
    if (cy == 2008 && cm <= 2) continue;  // would need 2006 figures
    Vars v = vars_for(d.created);
    std::string title = fill(t.title, v);
    if (!claim(title)) continue;
    Draft dr = base("业务工作", d, t.theme, &t);
    dr.item.title = title;
    dr.item.keywords = keywords({fill(t.kw, v), theme(t.theme).keyword});
    const std::string subject = fill(t.lead, v);
    switch (bt.kind) {
      case BizKind::kStats: {
        const int sy = cm == 1 ? cy - 1 : cy, sm = cm == 1 ? 12 : cm - 1;
        const char* what[] = {"外贸进出口", "社会消费品零售总额", "利用外资"};
        dr.item.summary = v["period"] + "全市" + what[bt.stat] + "主要指标完成情况。";
        stats_body(dr, bt.stat, sy, sm, v["period"]);
        break;
      }
      case BizKind::kNotice: {
        dr.item.genre = "通知";
        dr.issuer = "慈商";
        dr.item.summary = "就" + subject + "有关事项作出安排，明确工作要求和报送时间。";
        notice_body(dr, t.theme, "各镇（街道）经济发展办公室，各有关企业：", subject, kShortName, true);
        break;
      }
      case BizKind::kPublicity: {
        dr.item.genre = "公告";
        dr.item.summary = "公示" + subject + "名单，接受社会监督。";
        Body b(rng_);
        const Date from = d.published, to = add_workdays(d.published, 7);
        b.add("根据有关资金管理办法，经企业申报、镇（街道）初审、我局会同市财政局审核，现将" + subject +
              "予以公示。");
        b.add("公示期为" + cn_date(from) + "至" + cn_date(to) +
              "。公示期内，任何单位和个人如有异议，可以书面形式向我局" + dr.item.department +
              "反映，反映情况应当实事求是，并提供联系方式。");
        b.add("联系电话：" + std::string(kPhone) + "。");
        b.add(signature(kShortName, d.created));
        dr.item.body_html = b.html();
        break;
      }
      case BizKind::kBulletin: {
        dr.item.genre = "通报";
        dr.issuer = "慈商";
        dr.item.summary = "公布" + subject + "名单，并对有关企业予以通报表扬。";
        Body b(rng_);
        b.add("各镇（街道）经济发展办公室，各有关企业：");
        b.add(v["PY"] + "年，全市广大企业克服各种困难，积极拓展市场，涌现出一批经营业绩突出、发展质量较高的企业。经企业申报、镇（街道）推荐和我局审核，确定了" +
              subject + "名单，现予以通报。");
        b.add("希望受到通报的企业珍惜荣誉，再接再厉，发挥示范带动作用。" + b.sentences(t.theme, 1, 'p'));
        b.add(signature(kShortName, d.created));
        dr.item.body_html = b.html();
        break;
      }
      case BizKind::kAnalysis: {
        dr.item.genre = "报告";
        const int sy = cm <= 2 ? cy - 1 : cy, sm = (cm <= 2) ? 12 : (cm <= 8 ? 6 : 9);
        const std::string p2 = v["period2"];
        const char* what[] = {"外贸", "商贸流通业", "", "服务业"};
        dr.item.summary = "分析" + p2 + "全市" + what[bt.stat] + "运行的主要特点、存在问题和下阶段工作举措。";
        Body b(rng_);
        const YearFigures& cur = figures(sy);
        const YearFigures& prev = figures(sy - 1);
        if (bt.stat == 0) {
          const int64_t ex = cumulative(cur.exports, sy, sm), ex0 = cumulative(prev.exports, sy - 1, sm);
          b.add(p2 + "，全市实现自营出口" + fixed2(ex) + "亿美元，同比" + growth_phrase(ex, ex0) + "。" +
                b.sentences(kTrade, 1));
        } else if (bt.stat == 1) {
          const int64_t r = cumulative(cur.retail, sy, sm), r0 = cumulative(prev.retail, sy - 1, sm);
          b.add(p2 + "，全市商贸流通业运行平稳，实现社会消费品零售总额" + fixed1(r) + "亿元，同比" +
                growth_phrase(r, r0) + "。" + b.sentences(kDomestic, 1));
        } else {
          b.add(p2 + "，全市服务业保持平稳较快发展，现代服务业增加值占服务业增加值的比重进一步提高。" +
                b.sentences(kService, 1));
        }
        b.add("一、主要特点。" + b.sentences(t.theme, 2, 'f'));
        b.add("二、存在问题。受国内外经济环境影响，部分企业经营成本上升、盈利水平下降，发展中的不确定因素仍然较多。");
        b.add("三、下阶段工作举措。" + b.sentences(t.theme, 2, 'p'));
        dr.item.body_html = b.html();
        break;
      }
    }
    drafts_.push_back(std::move(dr));
    return;
  }
  throw std::logic_error("demo corpus: could not place a business item");
}

// --- 本单位文件 ---

void Generator::gen_own(int year, bool late) {
  const auto& tpls = own_templates();
  for (int attempt = 0; attempt < 400; ++attempt) {
    const Dates d = dates_in_year(year, late ? late_lag() : normal_lag());
    const int cy = d.created.year(), cm = d.created.month();
    const OwnTpl& ot = rng_.pick(tpls);
    const Tpl& t = ot.t;
    if (cy < t.from || cy > t.to || !month_ok(t.mask, cm)) continue;
    Vars v = vars_for(d.created);
    std::string title = fill(t.title, v);
    if (!claim(title)) continue;
    Draft dr = base("本单位文件", d, t.theme, &t);
    dr.item.title = title;
    dr.item.genre = ot.genre;
    dr.issuer = "慈商";
    dr.item.keywords = keywords({fill(t.kw, v), theme(t.theme).keyword});
    const std::string subject = fill(t.lead, v);
    const std::string genre = ot.genre;
    Body b(rng_);
    if (genre == "通知") {
      dr.item.summary = "就" + subject + "有关事项作出部署。";
      notice_body(dr, t.theme, "局机关各科室，各下属单位：", subject, kShortName, false);
    } else if (genre == "决定") {
      dr.item.summary = "决定对" + v["PY"] + "年度商务工作中表现突出的集体和个人予以表彰。";
      b.add("局机关各科室，各下属单位：");
      b.add(v["PY"] + "年，全局干部职工紧紧围绕市委、市政府中心工作，开拓进取，扎实工作，圆满完成了全年各项目标任务，涌现出一批先进集体和先进个人。");
      b.add("为表彰先进、树立典型，经局党组研究，决定对对外贸易科等先进集体和有关先进个人予以表彰。");
      b.add("希望受表彰的集体和个人珍惜荣誉，再接再厉。" + b.sentences(kGeneral, 1, 'p'));
      b.add(signature(kShortName, d.created));
      dr.item.body_html = b.html();
    } else if (genre == "批复") {
      dr.item.summary = "同意" + subject + "，并对项目实施提出要求。";
      b.add(v["town"] + "人民政府（办事处）：");
      b.add("你单位关于" + subject + "的请示收悉。经研究，现批复如下：");
      b.add("一、原则同意" + subject + "。二、请严格按照农贸市场建设有关标准组织实施，确保工程质量和施工期间市场正常经营。三、项目完成后，请及时向我局申请验收。");
      b.add(signature(kShortName, d.created));
      dr.item.body_html = b.html();
    } else if (genre == "函") {
      dr.item.summary = "商请有关部门协助做好" + subject + "工作。";
      static const std::vector<const char*> kTo = {"市财政局、市统计局：", "市市场监督管理局、市公安局：",
                                                   "各镇人民政府、街道办事处：", "市统计局："};
      b.add(rng_.pick(kTo));
      b.add("根据上级部门工作部署，我局拟于近期开展" + subject + "工作。为确保工作顺利开展，特商请贵单位给予支持和配合。");
      b.add("具体事宜请与我局" + dr.item.department + "联系，联系电话：" + kPhone + "。");
      b.add(signature(kShortName, d.created));
      dr.item.body_html = b.html();
    } else if (genre == "通报") {
      dr.item.summary = "通报" + subject + "，并对下阶段工作提出要求。";
      b.add("局机关各科室，各下属单位：");
      b.add("现将" + subject + "通报如下：总体看，全局各项重点工作进展顺利，外贸、招商引资、商贸流通和服务业发展等主要指标完成情况良好。");
      b.add("但也要看到，部分工作进度仍然滞后。" + b.sentences(kGeneral, 2, 'p'));
      b.add(signature(kShortName, d.created));
      dr.item.body_html = b.html();
    } else if (genre == "纪要") {
      dr.item.summary = "记载" + v["Y"] + "年" + v["M"] + "月局长办公会议研究的事项和议定的意见。";
      b.add(cn_month_day(d.created) + "，" + v["chief"] + "局长主持召开局长办公会议，局领导班子成员和各科室负责人参加会议。会议研究了以下事项：");
      static const std::vector<std::pair<Theme, const char*>> kTopics = {
          {kTrade, "会议听取了对外贸易科关于当前外贸运行情况的汇报。"},
          {kInvest, "会议研究了招商引资重点项目推进工作。"},
          {kDomestic, "会议研究了农贸市场改造提升和商贸流通网点建设工作。"},
          {kMarket, "会议研究了节日市场供应和商贸领域安全生产工作。"},
          {kService, "会议研究了服务业重点项目推进和服务业统计工作。"},
          {kEcom, "会议研究了电子商务推进工作。"},
          {kGeneral, "会议研究了机关效能建设和政府信息公开工作。"}};
      std::vector<std::pair<Theme, const char*>> topics = kTopics;
      rng_.shuffle(topics);
      const char* nums[] = {"一、", "二、", "三、"};
      for (int i = 0; i < 3; ++i) {
        b.add(nums[i] + std::string(topics[static_cast<size_t>(i)].second) +
              b.sentences(topics[static_cast<size_t>(i)].first, 1, 'p'));
      }
      dr.item.body_html = b.html();
    } else {  // 意见
      dr.item.summary = "就" + about(title) + "提出意见。";
      opinion_body(dr, t.theme, rng_.pick(theme(t.theme).purposes), "上级有关文件精神",
                   "坚持以科学发展观为指导，立足我市实际，突出重点，狠抓落实", kShortName);
    }
    drafts_.push_back(std::move(dr));
    return;
  }
  throw std::logic_error("demo corpus: could not place an own document");
}

// --- 上级文件 ---

void Generator::gen_superior(int year) {
  const auto& tpls = superior_templates();
  for (int attempt = 0; attempt < 400; ++attempt) {
    const Dates d = dates_in_year(year, normal_lag());
    const int cy = d.created.year(), cm = d.created.month();
    const SupTpl& st = rng_.pick(tpls);
    const Tpl& t = st.t;
    if (cy < t.from || cy > t.to || !month_ok(t.mask, cm)) continue;
    // Pick a level among those allowed: mostly province and Ningbo.
    static const std::array<std::pair<int, int>, 4> kWeights = {{{kProv, 35}, {kNb, 35}, {kCixi, 20}, {kNat, 10}}};
    int level = 0;
    for (int tries = 0; tries < 20 && level == 0; ++tries) {
      int r = rng_.uniform(0, 99);
      for (const auto& [lv, w] : kWeights) {
        if (r < w) {
          if (st.levels & lv) level = lv;
          break;
        }
        r -= w;
      }
    }
    if (level == 0) continue;
    const Issuer is = issuer_for(level, t.theme, st.genre, cy);
    Vars v = vars_for(d.created);
    v["region"] = level == kProv ? "全省" : level == kNat ? "全国" : "全市";
    if (std::string_view(t.title).find("{region}“十二五”") != std::string_view::npos) {
      v["region"] = level == kProv ? "浙江省" : "宁波市";
    }
    const std::string subject = fill(t.title, v);
    std::string title = std::string(is.name) + "关于" + subject + "的" + st.genre;
    if (!claim(title)) continue;
    Draft dr = base("上级文件", d, t.theme, &t);
    dr.item.title = title;
    dr.item.genre = st.genre;
    dr.issuer = is.prefix;
    dr.item.keywords = keywords({fill(t.kw, v), theme(t.theme).keyword});
    dr.item.summary = std::string(is.name) + "就" + subject + "提出" +
                      (std::string_view(st.genre) == "意见" ? "意见" : "要求") + "，我局转发执行。";
    if (st.expires) {
      dr.item.validity = "失效";
      dr.item.validity_changed = Date::parse(st.expires);
    }
    static const std::array<const char*, 4> kAddressees = {
        "各省、自治区、直辖市、计划单列市及新疆生产建设兵团商务主管部门：",
        "各市、县（市、区）商务主管部门：", "各县（市）区商务主管部门：",
        "各镇人民政府、街道办事处，市政府各部门、各直属单位："};
    const size_t ai = level == kNat ? 0 : level == kProv ? 1 : level == kNb ? 2 : 3;
    if (std::string_view(st.genre) == "意见") {
      opinion_body(dr, t.theme, rng_.pick(theme(t.theme).purposes),
                   level == kCixi ? "国家和省、宁波市有关文件精神" : "国家有关文件精神",
                   "坚持统筹兼顾、突出重点、分类指导的原则，加大政策扶持力度，优化发展环境", is.name,
                   level == kProv ? "我省" : "我市");
    } else {
      notice_body(dr, t.theme, kAddressees[ai], subject, is.name, false,
                  level == kNat ? "国务院有关工作部署" : "上级有关文件精神");
    }
    drafts_.push_back(std::move(dr));
    return;
  }
  throw std::logic_error("demo corpus: could not place a superior document");
}

// --- 办事指南 ---

void Generator::gen_guide_items(int year, bool batch) {
  const auto& svcs = services();
  for (int attempt = 0; attempt < 1000; ++attempt) {
    Dates d;
    if (batch) {
      // The 2013 batch: most guides went online in spring, the rest in autumn.
      d = rng_.percent(65) ? dates_in(ymd(2013, 3, 11), ymd(2013, 4, 26), rng_.uniform(3, 15))
                           : dates_in(ymd(2013, 9, 2), ymd(2013, 10, 31), rng_.uniform(3, 15));
    } else {
      d = dates_in_year(year, normal_lag());
    }
    const Service& s = rng_.pick(svcs);
    const int py = d.published.year();
    if (py < s.from || py > s.to) continue;
    // Before 2013 only full guides were published.
    const size_t ai = year < 2013 ? 0 : static_cast<size_t>(rng_.uniform(0, 5));
    const Aspect& a = aspects()[ai];
    std::string title = std::string(s.name) + a.suffix;
    if (!claim(title)) continue;
    Draft dr = base("办事指南", d, s.theme);
    dr.item.title = title;
    dr.item.summary = fill(a.summary, {{"s", s.name}});
    dr.item.keywords = keywords({"办事指南", s.kw, theme(s.theme).keyword});
    const std::string days = s.days == 0 ? "按年度申报通知规定的时限办理"
                                         : "自受理之日起" + std::to_string(s.days) + "个工作日内作出决定";
    std::vector<std::string> mats;
    {
      std::string_view m = s.materials;
      const std::string_view sep = "；";
      size_t i = 0;
      while (i <= m.size()) {
        size_t j = m.find(sep, i);
        if (j == std::string_view::npos) j = m.size();
        mats.emplace_back(m.substr(i, j - i));
        i = j + sep.size();
      }
    }
    std::string mat_list;
    for (size_t i = 0; i < mats.size(); ++i) {
      mat_list += std::to_string(i + 1) + "." + mats[i] + (i + 1 < mats.size() ? "；" : "。");
    }
    const std::string where = "慈溪市行政服务中心商务局窗口";
    Body b(rng_);
    switch (ai) {
      case 0:
        b.add("一、事项名称：" + std::string(s.name) + "。实施机关：" + agency_name(py) + "。");
        b.add("二、设定依据：" + std::string(s.basis) + "。");
        b.add("三、申请条件：" + std::string(s.condition) + "。");
        b.add("四、申请材料：" + mat_list);
        b.add("五、办理程序及时限：申请人向" + where + "提交申请材料，材料齐全、符合法定形式的予以受理，" + days + "。本事项不收费。");
        b.add("六、咨询电话：" + std::string(kPhone) + "。");
        break;
      case 1:
        b.add("申请办理" + std::string(s.name) + "，应当提交以下材料：" + mat_list);
        b.add("以上材料需提供复印件的，应当加盖申请单位公章，并提供原件供窗口工作人员核对。");
        b.add("申请材料不齐全或者不符合法定形式的，窗口工作人员将一次性告知申请人需要补正的全部内容。");
        break;
      case 2:
        b.add("（一）申请：申请人向" + where + "提交申请材料。");
        b.add("（二）受理：窗口工作人员对申请材料进行审查，材料齐全、符合法定形式的当场受理；不符合要求的一次性告知补正内容。");
        b.add("（三）审查：" + dr.item.department + "对申请材料进行审查，必要时进行实地核查。");
        b.add("（四）决定：" + days + "；不予批准的，书面说明理由。");
        b.add("（五）送达：办理结果由窗口送达申请人，或者按申请人要求邮寄送达。");
        break;
      case 3:
        b.add(std::string(s.name) + "所需申请表格可在本网站下载，也可到" + where + "领取。");
        b.add("填写说明：申请表应当使用黑色钢笔或者签字笔填写，字迹清楚，内容真实、完整；申请单位应当在指定位置加盖公章。");
        b.add("如有疑问，请拨打咨询电话" + std::string(kPhone) + "。");
        break;
      case 4:
        b.add("问：办理" + std::string(s.name) + "需要满足哪些条件？答：" + s.condition + "。");
        b.add("问：办理时限是多长？答：" + days + "。");
        b.add("问：是否收取费用？答：本事项不收取任何费用。");
        if (rng_.percent(50)) b.add("问：可以委托他人办理吗？答：可以。委托他人办理的，应当提交授权委托书和受托人身份证明。");
        break;
      default:
        b.add(std::string(s.name) + "的设定依据为" + s.basis + "。");
        b.add("实施机关：" + agency_name(py) + "；承办科室：" + dr.item.department + "。");
        b.add("相关法律法规全文可在本网站政策法规栏目查阅。");
        break;
    }
    dr.item.body_html = b.html();
    drafts_.push_back(std::move(dr));
    return;
  }
  throw std::logic_error("demo corpus: could not place a service guide");
}

// --- 规范性文件 ---

void Generator::gen_normatives() {
  const auto& list = normatives();
  for (const Normative& n : list) {
    Dates d;
    for (;;) {
      d = dates_in_year(n.year, normal_lag());
      if (month_ok(n.mask, d.created.month()) && month_ok(n.mask, d.published.month()) &&
          d.created.year() == n.year) {
        break;
      }
    }
    if (!claim(n.title)) throw std::logic_error("demo corpus: duplicate normative title");
    Draft dr = base("规范性文件", d, n.theme);
    dr.item.title = n.title;
    dr.item.genre = n.genre;
    dr.issuer = "慈商";
    const std::string measure = n.measure;
    dr.item.summary = measure.empty() ? "就" + about(n.title) + "提出意见。"
                                      : "印发《" + measure + "》，" + n.content + "。";
    dr.item.keywords = keywords({theme(n.theme).keyword, "规范性文件", measure.empty() ? "意见" : "管理办法"});
    if (n.expires) {
      dr.item.validity = "失效";
      dr.item.validity_changed = Date::parse(n.expires);
    }
    if (measure.empty()) {
      opinion_body(dr, n.theme, n.purpose, n.basis, n.content, kShortName);
    } else {
      Body b(rng_);
      b.add("各镇（街道），各有关单位：");
      b.add("为" + std::string(n.purpose) + "，根据" + n.basis + "等有关规定，结合我市实际，我局制定了《" +
            measure + "》，现印发给你们，请认真贯彻执行。");
      b.add("《" + measure + "》" + n.content + "。");
      const std::string self = measure.ends_with("规定") ? "本规定" : measure.ends_with("细则") ? "本细则" : "本办法";
      std::string effect = self + "自" + cn_date(d.published) + "起施行";
      if (n.expires) effect += "，有效期至" + cn_date(*Date::parse(n.expires));
      b.add(effect + "。执行中遇到的问题，请及时向我局" + dr.item.department + "反映。");
      b.add(signature(kShortName, d.created));
      dr.item.body_html = b.html();
    }
    normative_index_.push_back(static_cast<int>(drafts_.size()));
    drafts_.push_back(std::move(dr));
  }
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i].replaced_by >= 0) {
      drafts_[static_cast<size_t>(normative_index_[i])].replaced_by =
          normative_index_[static_cast<size_t>(list[i].replaced_by)];
    }
  }
}

// --- 公开指南, 机构职能, 领导信息, 计划总结类 ---

void Generator::gen_fixed() {
  for (const Fixed& f : fixed_items()) {
    const std::string kind = f.kind;
    Dates d;
    if (kind == "annual_report") {
      d = dates_in(ymd(f.year, 3, 9), ymd(f.year, 3, 28), rng_.uniform(2, 8));
    } else if (kind == "summary") {
      d = dates_in(ymd(f.year, 2, 20), ymd(f.year, 3, 6), rng_.uniform(3, 10));
    } else if (kind == "midyear") {
      d = dates_in(ymd(f.year, 7, 14), ymd(f.year, 7, 31), rng_.uniform(2, 8));
    } else if (kind == "midterm") {
      d = dates_in(ymd(f.year, 8, 17), ymd(f.year, 9, 30), rng_.uniform(5, 12));
    } else if (kind == "plan") {
      d = dates_in(ymd(f.year, 4, 1), ymd(f.year, 7, 31), rng_.uniform(5, 15));
    } else if (f.year == 2008) {
      // The first catalog went online when the Regulations took effect.
      d = dates_in(ymd(2008, 5, 5), ymd(2008, 5, 30), rng_.uniform(3, 12));
    } else if (f.year == 2013 && std::string_view(f.sub) != "领导信息") {
      d = dates_in(ymd(2013, 3, 11), ymd(2013, 4, 26), rng_.uniform(2, 10));
    } else {
      d = dates_in_year(f.year, normal_lag());
    }
    Vars v = vars_for(d.created);
    v["A"] = agency_name(d.published.year());
    const std::string title = fill(f.title, v);
    if (!claim(title)) throw std::logic_error("demo corpus: duplicate fixed title " + title);
    Draft dr = base(f.sub, d, kGeneral);
    dr.item.title = title;
    fill_fixed_body(dr, f);
    drafts_.push_back(std::move(dr));
  }
}

void Generator::fill_fixed_body(Draft& d, const Fixed& f) {
  const std::string kind = f.kind;
  const int py = d.item.publish_date.year();
  const std::string A = agency_name(py);
  const DemoAgency& ag = demo_agency();
  const std::string contact = "地址：" + ag.address + "；电话：" + ag.phone + "；传真：" + ag.fax +
                              "；电子邮箱：" + ag.email;
  DemoItem& it = d.item;
  Body b(rng_);
  it.topic = kTopicGov;
  it.topic_sub = "其他";
  it.department = "办公室";
  if (std::string_view(f.sub) == "公开指南") it.topic_sub = "政务公开";

  if (kind == "guide") {
    it.summary = "介绍本局政府信息主动公开的范围和方式、依申请公开的程序、收费标准和受理机构。";
    it.keywords = "政府信息公开 公开指南";
    b.add("为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。需要获得本机关政府信息公开服务的公民、法人或者其他组织，建议阅读本指南。");
    b.add("一、主动公开。本机关主动公开的政府信息包括机构职能、政策法规、规划计划、业务工作和便民服务等内容，具体见本机关政府信息公开目录。主动公开的政府信息主要通过" +
          ag.portal_name + "（" + ag.website + "）发布，自该信息形成或者变更之日起20个工作日内予以公开。");
    b.add("二、依申请公开。公民、法人或者其他组织可以根据自身生产、生活、科研等特殊需要，填写《政府信息公开申请表》，通过当面、信函、传真或者电子邮件等方式向本机关申请获取相关政府信息。");
    b.add("三、答复期限。本机关收到申请后，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起15个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意，并告知申请人，延长答复的期限最长不超过15个工作日。");
    b.add("四、收费标准。本机关依申请提供政府信息，除可以收取检索、复制、邮寄等成本费用外，不收取其他费用。申请人确有经济困难的，经本人申请、本机关审核同意，可以减免相关费用。");
    b.add("五、受理机构。" + A + "办公室（" + contact + "；办公时间：" + ag.office_hours + "）。");
  } else if (kind == "catalog") {
    it.summary = "说明本局政府信息公开目录的类别、编排方式和查阅方法。";
    it.keywords = "政府信息公开 公开目录";
    b.add(A + "政府信息公开目录按照政策法规类、业务类、便民服务类、计划总结类四个类别编排。");
    b.add("政策法规类包括规范性文件、本单位文件和上级文件；业务类包括政务动态和业务工作；便民服务类包括公开指南、机构职能、领导信息和办事指南；计划总结类包括发展规划、计划总结和年度报告。");
    b.add("每条信息包括索引号、名称、内容概述、发布机构、生成日期、文号等要素。索引号由本机关组织机构代码、年份和顺序号组成，一经确定不再改变。");
    b.add("公众可通过" + ag.portal_name + "政府信息公开栏目查阅本目录。");
  } else if (kind == "form") {
    it.summary = "提供本局政府信息依申请公开申请表及填写说明。";
    it.keywords = "依申请公开 申请表";
    b.add("公民、法人或者其他组织向本机关申请获取政府信息的，应当填写《" + A + "政府信息公开申请表》。");
    b.add("申请表内容包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的内容描述；申请公开的政府信息的形式要求。");
    b.add("申请表可在本网站下载，也可到本局办公室领取，复制有效。");
    b.add("受理机构：" + A + "办公室（" + contact + "）。");
  } else if (kind == "flow") {
    it.summary = "说明本局办理政府信息依申请公开的流程和时限。";
    it.keywords = "依申请公开 办理流程";
    b.add("一、提出申请。申请人填写申请表，通过当面、信函、传真或者电子邮件等方式提交本局办公室。");
    b.add("二、登记受理。办公室对申请进行登记；申请内容不明确的，告知申请人作出更改、补充。");
    b.add("三、审查处理。办公室会同有关科室对申请公开的信息进行审查，涉及保密审查的，按规定进行保密审查。");
    b.add("四、作出答复。能够当场答复的当场答复；不能当场答复的，自收到申请之日起15个工作日内答复；需要延长的，延长期限最长不超过15个工作日。");
    b.add("五、送达。按申请人要求的形式提供信息或者送达告知书。");
  } else if (kind == "rule") {
    const std::string name = f.arg;
    it.summary = "规定本局政府信息公开" + name + "的职责、程序和要求。";
    it.keywords = "政府信息公开 " + name + " 制度";
    b.add("第一条　为规范本局政府信息公开" + name + "工作，根据《中华人民共和国政府信息公开条例》和上级有关规定，制定本制度。");
    if (name == "保密审查") {
      b.add("第二条　本局公开政府信息前，应当依照《中华人民共和国保守国家秘密法》以及其他法律、法规和国家有关规定进行保密审查。");
      b.add("第三条　保密审查实行“谁起草、谁审查，谁公开、谁负责”的原则。拟公开的信息由起草科室初审，办公室复审，分管领导审定。");
      b.add("第四条　对不能确定是否可以公开的信息，应当依照法律、法规和国家有关规定报有关主管部门或者保密工作部门确定。");
    } else if (name == "发布审核") {
      b.add("第二条　本局主动公开的政府信息，由起草科室负责人审核，分管领导审签，办公室统一发布。");
      b.add("第三条　审核内容包括信息是否属于主动公开范围、内容是否真实准确、是否经过保密审查、表述是否规范。");
      b.add("第四条　各科室应当按月报送拟公开信息，确保网上信息及时更新。");
    } else {
      b.add("第二条　有下列情形之一的，对直接责任人员和负有领导责任的人员依照有关规定追究责任：不依法履行政府信息公开义务的；不及时更新公开的政府信息内容的；公开不应当公开的政府信息的。");
      b.add("第三条　政府信息公开工作纳入机关效能考核，考核结果作为评先评优的依据之一。");
      b.add("第四条　责任追究由办公室提出意见，报局党组研究决定。");
    }
    b.add("第五条　本制度自印发之日起施行。");
  } else if (kind == "duties") {
    it.summary = "列明" + A + "的主要职责。";
    it.keywords = "机构职能 主要职责";
    b.add("（一）贯彻执行国家和省、宁波市有关商务工作的方针政策和法律法规，拟订全市商务发展规划和政策措施并组织实施。");
    b.add("（二）负责推进全市商贸流通体制改革，组织实施城乡市场体系建设，指导商业网点规划和农贸市场建设；承担市场运行监测和重要商品市场调控工作。");
    b.add("（三）负责全市对外贸易工作，指导和服务企业开拓国际市场，负责进出口许可证件初审和贸易摩擦应对工作。");
    b.add("（四）负责全市利用外资和对外经济合作工作，负责外商投资企业设立、变更的审批和管理。");
    if (py >= 2011) {
      b.add("（五）负责全市服务业发展的综合协调，拟订服务业发展规划和扶持政策；负责推进电子商务发展。");
    } else {
      b.add("（五）负责推进企业电子商务应用，指导全市会展业和商务服务业发展。");
    }
    b.add("（六）承办市人民政府交办的其他事项。");
  } else if (kind == "units") {
    it.summary = "列明" + A + "的内设机构。";
    it.keywords = "机构职能 内设机构";
    std::string list;
    for (const auto& dept : ag.departments) {
      if (py < 2011 && dept == "服务业发展科") continue;
      if (py < 2010 && dept == "电子商务科") continue;
      list += (list.empty() ? "" : "、") + dept;
    }
    b.add(A + "设以下内设机构：" + list + "。");
    b.add("各内设机构的职能详见本栏目各科室职能。政府信息公开工作机构设在办公室。");
  } else if (kind == "affiliates") {
    it.summary = "列明" + A + "的下属单位及其主要职能。";
    it.keywords = "机构职能 下属单位";
    b.add("慈溪市对外贸易服务中心：为全市外贸企业提供政策咨询、业务培训、信息发布和市场开拓等服务。");
    b.add("慈溪市商务综合行政执法大队：承担全市商务领域的行政执法工作，查处商贸流通领域违法违规行为。");
  } else if (kind == "contact") {
    it.summary = "公布" + A + "的办公地址、办公时间和联系方式。";
    it.keywords = "联系方式 办公地址";
    b.add("办公地址：" + ag.address + "。");
    b.add("办公时间：" + ag.office_hours + "。");
    b.add("联系电话：" + ag.phone + "；传真：" + ag.fax + "；电子邮箱：" + ag.email + "。");
    b.add("门户网站：" + ag.portal_name + "（" + ag.website + "）。");
  } else if (kind == "second_name") {
    it.summary = "说明慈溪市商务局加挂慈溪市服务业发展局牌子后的职责调整和名称使用。";
    it.keywords = "机构职能 服务业发展局";
    b.add("根据市机构编制委员会有关文件精神，慈溪市商务局加挂慈溪市服务业发展局牌子。");
    b.add("加挂牌子后，我局在原有职责基础上，增加全市服务业发展的综合协调、规划编制、政策拟订和重点项目推进等职责，增设服务业发展科。");
    b.add("对外行文一般使用慈溪市商务局名称，涉及服务业发展工作的，可以使用慈溪市服务业发展局名称。");
  } else if (kind == "dept") {
    const std::string dept = f.arg;
    it.department = dept;
    it.summary = "列明" + dept + "的主要职能。";
    it.keywords = "机构职能 " + dept;
    static const std::map<std::string, std::pair<const char*, const char*>, std::less<>> kDuties = {
        {"办公室", {"负责机关日常运转，承担文电、会务、机要、档案、信息、保密、信访、安全保卫等工作。", "负责机关人事、财务、资产管理和党建工作；承担政府信息公开工作机构的日常工作。"}},
        {"商贸流通科", {"负责推进商贸流通体制改革，拟订全市商贸流通业发展规划和商业网点规划并组织实施。", "负责农村市场体系建设和农贸市场改造提升；负责拍卖、典当、再生资源回收、报废汽车回收、二手车流通等行业管理。"}},
        {"对外贸易科", {"负责拟订全市对外贸易发展规划和政策措施，指导和服务企业开拓国际市场。", "负责对外贸易经营者备案登记、进出口许可证件初审；负责外贸运行监测和贸易摩擦应对工作。"}},
        {"外商投资科", {"负责全市外商投资企业设立、变更等事项的审批和管理，指导全市利用外资工作。", "负责组织招商引资活动，做好外商投资企业联合年检和投诉协调工作；负责境外投资和对外经济合作的管理工作。"}},
        {"服务业发展科", {"负责全市服务业发展的综合协调，拟订服务业发展规划和扶持政策并组织实施。", "负责服务业重点项目推进、集聚区培育和服务外包产业发展工作；负责服务业统计监测和分析。"}},
        {"电子商务科", {"负责拟订全市电子商务发展规划和政策措施并组织实施。", "负责推进企业电子商务应用和电子商务产业园区建设，组织电子商务人才培训。"}},
        {"市场运行科", {"负责全市市场运行监测分析和重要商品市场调控，承担生活必需品市场供应应急管理工作。", "负责成品油、酒类流通、生猪屠宰、单用途商业预付卡等行业监督管理和商务行政执法工作。"}},
    };
    const auto& du = kDuties.at(dept);
    b.add(du.first);
    b.add(du.second);
  } else if (kind == "disclosure_office") {
    it.summary = "公布本局政府信息公开工作机构及其联系方式。";
    it.keywords = "政府信息公开 工作机构";
    it.topic_sub = "政务公开";
    b.add("我局政府信息公开工作机构设在办公室，负责本局政府信息公开的日常工作，设兼职联络员，负责与市信息中心联系和沟通。");
    b.add("联系方式：" + contact + "。");
    b.add("办公时间：" + ag.office_hours + "。");
  } else if (kind == "team" || kind == "duties_split") {
    const bool team = kind == "team";
    it.summary = team ? "公布" + A + "领导班子成员及其职务。" : "公布" + A + "领导班子成员的工作分工。";
    it.keywords = team ? "领导信息 领导班子" : "领导信息 工作分工";
    b.add(team ? A + "领导班子成员如下：" : "根据工作需要，经局党组研究，现将局领导班子成员工作分工明确如下：");
    for (const Leader* l : leaders_in(d.item.creation_date.year())) {
      b.add(team ? std::string(l->post) + "：" + l->name + "，" + l->duty
                 : std::string(l->name) + "（" + l->post + "）：" + l->duty);
    }
  } else if (kind == "bio") {
    const Leader& l = leader_named(f.arg);
    it.summary = "介绍" + std::string(l.post) + l.name + "的基本情况和工作分工。";
    it.keywords = "领导信息 " + std::string(l.post);
    b.add(std::string(l.name) + "，" + l.born + "出生，浙江慈溪人，" + l.edu +
          "学历，中共党员。曾在镇（街道）和市级机关多个岗位工作，现任" + A + l.post + "。");
    b.add("工作分工：" + std::string(l.duty));
  } else if (kind == "annual_report") {
    d.report_year = py - 1;
    it.summary = "报告本局" + std::to_string(py - 1) + "年政府信息公开工作情况。";
    it.keywords = "政府信息公开 年度报告";
    it.topic_sub = "政务公开";
    // Body filled once every item's date is known.
  } else if (kind == "midyear") {
    it.summary = "总结2008年上半年商务工作，提出下半年工作思路。";
    it.keywords = "工作总结 工作思路";
    it.genre = "报告";
    d.issuer = "慈商";
    b.add("2008年上半年，面对原材料价格上涨、人民币升值和出口退税政策调整等不利因素，我局紧紧围绕市委、市政府中心工作，努力保持全市商务经济平稳发展。");
    b.add("一、上半年工作回顾。" + review(2008, 3));
    b.add(cat({"二、下半年工作思路。", b.sentences(kTrade, 1, 'p'), b.sentences(kInvest, 1, 'p'),
               b.sentences(kMarket, 1, 'p')}));
    b.add("三、加强自身建设。" + b.sentences(kGeneral, 2));
  } else if (kind == "summary") {
    const int y0 = py - 1;
    const YearFigures& c = figures(y0);
    const YearFigures& p = figures(y0 - 1);
    it.summary = "总结" + std::to_string(y0) + "年商务工作，提出" + std::to_string(py) + "年工作思路和主要任务。";
    it.keywords = "工作总结 工作思路";
    it.genre = "报告";
    d.issuer = "慈商";
    b.add(std::to_string(y0) + "年，在市委、市政府的正确领导下，全市商务系统攻坚克难，商务经济保持平稳发展。全年完成自营出口" +
          fixed2(c.exports) + "亿美元，同比" + growth_phrase(c.exports, p.exports) + "；实现社会消费品零售总额" +
          fixed1(c.retail) + "亿元，同比" + growth_phrase(c.retail, p.retail) + "；实际利用外资" + fixed2(c.fdi) +
          "亿美元，同比" + growth_phrase(c.fdi, p.fdi) + "。");
    b.add("一、" + std::to_string(y0) + "年工作回顾。" + review(y0, 4));
    b.add(cat({"二、" + std::to_string(py) + "年工作思路。", b.sentences(kTrade, 1, 'p'),
               b.sentences(kDomestic, 1, 'p')}));
    b.add(cat({"三、主要任务。", b.sentences(py >= 2011 ? kService : kInvest, 1, 'p'),
               b.sentences(kMarket, 1, 'p'), b.sentences(kEcom, 1, 'p')}));
  } else if (kind == "midterm") {
    it.summary = "评估《慈溪市“十一五”商贸流通业发展规划》前期实施情况，提出后两年推进措施。";
    it.keywords = "发展规划 中期评估 商贸流通";
    it.topic = kTopicEcon;
    it.topic_sub = "宏观经济";
    it.genre = "报告";
    it.department = "商贸流通科";
    b.add("《慈溪市“十一五”商贸流通业发展规划》实施以来，我市商贸流通业保持平稳较快发展，规划确定的主要目标任务总体进展顺利。");
    b.add("一、规划实施进展。城乡商业网点布局不断优化，农贸市场改造提升稳步推进，连锁经营等现代流通方式加快发展。");
    b.add("二、存在问题。商业网点布局与城市发展不够协调，流通企业规模偏小，农村流通网络仍需完善。");
    b.add("三、推进措施。" + b.sentences(kDomestic, 2, 'p'));
  } else if (kind == "plan") {
    const std::string what = f.arg;
    it.summary = "提出“十二五”时期全市" + what + "发展的指导思想、发展目标、主要任务和保障措施。";
    it.keywords = "发展规划 十二五 " + what;
    it.topic = kTopicEcon;
    it.topic_sub = "宏观经济";
    it.department = what == "商务" ? "办公室" : "服务业发展科";
    d.issuer = "慈政发";  // issued with a notice of the city government
    const Theme t = what == "商务" ? kTrade : kService;
    b.add("为加快推进全市" + what + "发展，根据《慈溪市国民经济和社会发展第十二个五年规划纲要》，制定本规划。");
    b.add("一、发展基础。“十一五”期间，全市" + what + "发展取得明显成效，综合实力不断增强，为“十二五”发展奠定了良好基础。");
    b.add(what == "商务" ? "二、发展目标。到2015年，全市外贸进出口结构进一步优化，利用外资质量明显提高，现代流通体系基本建立，消费对经济增长的拉动作用进一步增强。"
                         : "二、发展目标。到2015年，全市服务业增加值占生产总值的比重明显提高，形成一批功能完善、特色鲜明的服务业集聚区。");
    b.add("三、主要任务。" + b.sentences(t, 2, 'p'));
    b.add("四、保障措施。加强组织领导，建立规划实施的协调推进机制，将规划目标任务分解落实到年度工作计划。" +
          b.sentences(t, 1, 'p'));
  } else {
    throw std::logic_error("demo corpus: unknown fixed kind " + kind);
  }
  if (kind != "annual_report") it.body_html = b.html();
}

void Generator::fill_annual_report(Draft& d) {
  const int y = d.report_year;
  const DemoAgency& ag = demo_agency();
  const std::string A = agency_name(d.item.publish_date.year());
  std::map<std::string, int> cum, year;
  int cum_total = 0, year_total = 0;
  for (const Draft& o : drafts_) {
    const int py = o.item.publish_date.year();
    if (py > y) continue;
    ++cum[o.item.class_top];
    ++cum_total;
    if (py == y) {
      ++year[o.item.class_top];
      ++year_total;
    }
  }
  auto breakdown = [&](std::map<std::string, int>& by, int total) {
    std::string s;
    for (const auto& c : ag.classes) {
      const int n = by[c.name];
      const int64_t pct = total == 0 ? 0 : (static_cast<int64_t>(n) * 1000000 / total + 50) / 100;
      s += (s.empty() ? "" : "；") + c.name + "信息" + std::to_string(n) + "条，占" + percent_trimmed(pct) + "%";
    }
    return s;
  };
  const std::string start = y == 2008 ? "2008年5月1日" : std::to_string(y) + "年1月1日";
  Body b(rng_);
  b.add("根据《中华人民共和国政府信息公开条例》要求，特编制" + A + std::to_string(y) +
        "年度政府信息公开年度报告。本报告中所列数据的统计期限自" + start + "起至" + std::to_string(y) +
        "年12月31日止。如对本报告有任何疑问，请与本局办公室联系（地址：" + ag.address + "；电话：" +
        ag.phone + "；传真：" + ag.fax + "；电子邮箱：" + ag.email + "）。");
  b.add("一、主动公开政府信息情况。截至" + std::to_string(y) + "年12月31日，我局累计主动公开政府信息" +
        std::to_string(cum_total) + "条，其中" + std::to_string(y) + "年新增主动公开政府信息" +
        std::to_string(year_total) + "条，电子化率达100%。在主动公开的信息中，" +
        breakdown(cum, cum_total) + "。");
  const std::string channel = "主动公开信息主要通过“" + ag.portal_name + "”门户网站发布。";
  if (year_total == cum_total) {
    b.add(channel);  // the first report: this year's figures are the cumulative ones
  } else {
    b.add("其中" + std::to_string(y) + "年度主动公开的信息中，" + breakdown(year, year_total) + "。" + channel);
  }
  b.add("二、依申请公开、收费及行政复议、行政诉讼情况。" + std::to_string(y) +
        "年度我局未收到政府信息公开申请，未收取与政府信息公开有关的费用，未发生因政府信息公开申请行政复议、提起行政诉讼的情况。");
  b.add("三、存在的主要问题及改进措施。政府信息公开工作规范性有待进一步加强，主动公开的领域有待进一步拓展。下一步，我局将进一步完善政府信息公开工作制度，加强门户网站栏目建设，不断提高政府信息公开工作水平。");
  b.add(signature(kShortName, d.item.creation_date));
  d.item.body_html = b.html();
}

void Generator::assign_doc_numbers() {
  // Group by issuer and year of the document's date; number in date order.
  std::map<std::pair<std::string, int>, std::vector<size_t>> groups;
  for (size_t i = 0; i < drafts_.size(); ++i) {
    if (drafts_[i].issuer.empty()) continue;
    groups[{drafts_[i].issuer, drafts_[i].item.creation_date.year()}].push_back(i);
  }
  for (auto& [key, idx] : groups) {
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
      return drafts_[a].item.creation_date < drafts_[b].item.creation_date;
    });
    const int rate = yearly_rate(key.first);
    int prev = 0;
    for (size_t i : idx) {
      const Date c = drafts_[i].item.creation_date;
      const int doy = c - ymd(c.year(), 1, 1) + 1;
      const int expected = rate * doy / 366 + rng_.uniform(-3, 3);
      const int serial = std::max(prev + 1, expected);
      prev = serial;
      drafts_[i].item.doc_no = key.first + "〔" + std::to_string(key.second) + "〕" + std::to_string(serial) + "号";
    }
  }
}

std::vector<DemoItem> Generator::run() {
  gen_normatives();
  gen_fixed();
  // Pick which of the template-driven business and own documents are published late.
  const auto& counts = generated_counts();
  std::vector<std::pair<int, int>> late_candidates;  // (count-table row, ordinal)
  for (int row = 0; row < static_cast<int>(counts.size()); ++row) {
    const std::string_view sub = counts[static_cast<size_t>(row)].sub;
    if (sub != "业务工作" && sub != "本单位文件") continue;
    int total = 0;
    for (int n : counts[static_cast<size_t>(row)].by_year) total += n;
    for (int k = 0; k < total; ++k) late_candidates.emplace_back(row, k);
  }
  rng_.shuffle(late_candidates);
  const std::set<std::pair<int, int>> late(late_candidates.begin(), late_candidates.begin() + 5);

  for (int row = 0; row < static_cast<int>(counts.size()); ++row) {
    const std::string_view sub = counts[static_cast<size_t>(row)].sub;
    int ordinal = 0;
    for (int yi = 0; yi < 6; ++yi) {
      const int year = 2008 + yi;
      for (int k = 0; k < counts[static_cast<size_t>(row)].by_year[static_cast<size_t>(yi)]; ++k, ++ordinal) {
        const bool is_late = late.count({row, ordinal}) > 0;
        if (sub == "本单位文件") gen_own(year, is_late);
        else if (sub == "上级文件") gen_superior(year);
        else if (sub == "政务动态") gen_news(year);
        else if (sub == "业务工作") gen_business(year, is_late);
        else gen_guide_items(year, year == 2013 && k >= 8);
      }
    }
  }

  // Repealed normative documents change validity when their successor is published.
  for (Draft& d : drafts_) {
    if (d.replaced_by >= 0) {
      d.item.validity = "废止";
      d.item.validity_changed = drafts_[static_cast<size_t>(d.replaced_by)].item.publish_date;
    }
  }
  assign_doc_numbers();
  for (Draft& d : drafts_) {
    if (d.report_year) fill_annual_report(d);
  }

  std::vector<DemoItem> out;
  out.reserve(drafts_.size());
  for (Draft& d : drafts_) out.push_back(std::move(d.item));
  std::stable_sort(out.begin(), out.end(), [](const DemoItem& a, const DemoItem& b) {
    return a.publish_date < b.publish_date;
  });
  return out;
}

}  // namespace

const DemoAgency& demo_agency() {
  static const DemoAgency kAgency = [] {
    DemoAgency a;
    a.name = "慈溪市商务局（服务业发展局）";
    a.short_name = kShortName;
    a.slug = "cxswj";
    a.org_code = "002953470";
    a.address = "慈溪市三北大街777号综合写字楼1号楼11层";
    a.phone = kPhone;
    a.fax = "0574-63812058";
    a.email = "vilar007@163.com";
    a.office_hours = "周一至周五上午8:30-12:00，下午14:00-17:30（法定节假日除外）";
    a.website = "http://swj.cixi.gov.cn";
    a.portal_name = "慈溪商贸服务业网";
    a.disclosure_office = "办公室";
    a.departments = {"办公室", "商贸流通科", "对外贸易科", "外商投资科",
                     "服务业发展科", "电子商务科", "市场运行科"};
    a.classes = {
        {"政策法规类", {"规范性文件", "本单位文件", "上级文件"}},
        {"业务类", {"政务动态", "业务工作"}},
        {"便民服务类", {"公开指南", "机构职能", "领导信息", "办事指南"}},
        {"计划总结类", {"发展规划", "计划总结", "年度报告"}},
    };
    return a;
  }();
  return kAgency;
}

std::vector<DemoItem> generate_demo_corpus() { return Generator().run(); }

}  // namespace gongkai::app
