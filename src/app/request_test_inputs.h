#pragma once
// Request inputs the service tests share.

#include <string>

#include "app/requests.h"

namespace gongkai::app {

// A natural person's request received by letter, delivered on paper by post.
inline RequestInput letter_request(const std::string& received_on) {
  RequestInput in;
  in.applicant_kind = "natural_person";
  in.applicant_name = "张三";
  in.phone = "0574-63012345";
  in.address = "浙江省慈溪市白沙路街道某某路1号";
  in.description = "慈溪市商务局2023年度商贸流通专项资金分配结果";
  in.delivery_form = "paper";
  in.delivery_method = "post";
  in.id_type = "resident_id";
  in.id_number = "330282198001011237";
  in.channel = "letter";
  in.received_on = received_on;
  return in;
}

// The minimal form of one event.
inline EventInput ev(const std::string& kind, const std::string& date) {
  EventInput e;
  e.kind = kind;
  e.date = date;
  return e;
}

}  // namespace gongkai::app
