#pragma once
// The demo agency of the seed report (慈溪市商务局（服务业发展局）) and a deterministic
// generator of its catalog of proactively disclosed information, whose figures match the
// seed's 2013 annual report exactly.
//
// Depends only on core/date.h and the standard library.

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace gongkai::app {

// One of the agency's own top classes with its subtypes, in display order.
struct DemoClass {
  std::string name;
  std::vector<std::string> subclasses;
};

// The agency as the demo creates it. Contact data come from the seed report; the
// organisation code and office hours are invented.
struct DemoAgency {
  std::string name;          // 慈溪市商务局（服务业发展局）
  std::string short_name;    // 慈溪市商务局, as the agency signs its documents
  std::string slug;          // cxswj
  std::string org_code;      // 9-character organisation code (valid GB 11714 check digit)
  std::string address;
  std::string phone;
  std::string fax;
  std::string email;
  std::string office_hours;
  std::string website;       // http://swj.cixi.gov.cn
  std::string portal_name;   // 慈溪商贸服务业网
  std::string disclosure_office;        // the department that runs the disclosure work: 办公室
  std::vector<std::string> departments;  // 办公室 first
  std::vector<DemoClass> classes;        // the four classes of the seed, in its order
};

// The demo agency. The reference stays valid for the life of the program.
const DemoAgency& demo_agency();

// One published catalog item. All strings are UTF-8.
struct DemoItem {
  std::string title;       // 名称; unique within the corpus
  std::string summary;     // 内容概述: one sentence ending in "。"
  std::string body_html;   // 2-6 "<p>...</p>" paragraphs joined by "\n", text HTML-escaped
  std::string doc_no;      // 文号, e.g. 慈商〔2013〕12号; empty when the item has none
  std::string keywords;    // 主题词: 2-4 words separated by single spaces
  std::string class_top;   // one of demo_agency().classes[i].name
  std::string class_sub;   // one of that class's subclasses
  std::string topic;       // 主题分类 top class, e.g. 商贸、海关、旅游
  std::string topic_sub;   // its subclass, e.g. 对外经贸合作
  std::string genre;       // 体裁: 通知, 公告, 通告, 意见, 通报, 报告, 批复, 函, 纪要, 决定, 其他
  std::string department;  // one of demo_agency().departments
  core::Date creation_date;  // 生成日期; never after publish_date
  core::Date publish_date;   // 发布日期; a weekday in 2008-05-01 .. 2013-12-31
  std::string validity;      // 有效, 失效 or 废止
  std::optional<core::Date> validity_changed;  // set exactly when validity is not 有效
  std::string carrier;       // 载体: always 电子
};

// Returns the demo catalog: 517 items published by 2013-12-31, 203 of them in 2013, by class
// 政策法规类 76 / 业务类 253 / 便民服务类 174 / 计划总结类 14 (in 2013: 8 / 56 / 137 / 2),
// sorted by publish_date. The output is identical on every call and every platform: it
// uses its own fixed-seed PRNG and no std:: distributions.
std::vector<DemoItem> generate_demo_corpus();

}  // namespace gongkai::app
