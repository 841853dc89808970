/** The demo district: its departments, their short codes for user names, and text to vary the reports. */
export const DISTRICT = "示范区人民政府";

export const DEPARTMENTS: { code: string; name: string }[] = [
  { code: "fgj", name: "示范区发展和改革局" },
  { code: "jyj", name: "示范区教育局" },
  { code: "kjj", name: "示范区科学技术局" },
  { code: "gaj", name: "示范区公安分局" },
  { code: "mzj", name: "示范区民政局" },
  { code: "sfj", name: "示范区司法局" },
  { code: "czj", name: "示范区财政局" },
  { code: "rsj", name: "示范区人力资源和社会保障局" },
  { code: "zrj", name: "示范区自然资源局" },
  { code: "zjj", name: "示范区住房和城乡建设局" },
  { code: "jtj", name: "示范区交通运输局" },
  { code: "wjj", name: "示范区卫生健康局" },
  { code: "scj", name: "示范区市场监督管理局" },
];

/** Year-specific work, so consecutive reports of one body do not read alike (R-SIMILAR). */
export const HIGHLIGHTS = [
  "围绕优化营商环境，集中公开涉企政策文件和办事指南，开设政策解读专栏，发布图文解读、视频解读等多种形式的解读材料。",
  "推进基层政务公开标准化规范化建设，梳理本领域公开事项清单，逐项明确公开内容、公开时限和公开方式。",
  "加强政府网站和政务新媒体管理，开展常态化自查，及时更新栏目内容，关停整合长期不更新的账号。",
  "做好重大建设项目、公共资源配置和社会公益事业等重点领域信息公开，主动回应社会关切，组织开展政府开放日活动。",
  "完善依申请公开办理机制，规范受理、登记、审核、答复等环节，统一答复文书格式，提高答复质量。",
  "健全政务公开工作制度，将政务公开纳入年度考核，组织业务培训，提升工作人员公开意识和业务能力。",
  "推进政策文件清理，对现行有效的行政规范性文件进行全面梳理，并在政府网站集中公开、动态更新。",
  "加强公开保密审查，严格落实“先审查、后公开”和“一事一审”制度，确保公开信息准确、安全。",
];

export const PROBLEMS = [
  "一是政策解读的针对性还需加强；二是部分栏目更新不够及时。下一步将丰富解读形式，健全栏目更新机制。",
  "一是主动公开的深度和广度有待拓展；二是工作人员业务能力有待提升。下一步将细化公开目录，加强业务培训。",
  "一是依申请公开答复的规范性仍需提高；二是政务新媒体互动回应不够。下一步将规范答复文书，加强互动交流。",
  "一是公开内容的系统性不够；二是基层公开标准化建设仍有短板。下一步将完善公开清单，推进标准化建设。",
];
