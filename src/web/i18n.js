// newschart: the element's own words, in Chinese and English. A chart speaks its feed's language
// once the feed is read, and the page's before.

export const TEXT = {
  zh: {
    loading: '图表加载中…',
    downloadFailed: '下载功能加载失败',
    errorTitle: '图表无法显示',
    retry: '重试',
    illustrative: '示例数据：非报道数字，仅作示意',
    source: '来源：',
    fetchFailed: (src, why) => `无法加载数据文件 ${src}：${why}`,
    httpStatus: (s, t) => `服务器返回 ${s}${t ? ' ' + t : ''}`,
    timeout: (ms) => `等待 ${ms / 1000} 秒仍无响应，已中止`,
    network: '网络错误或被浏览器拦截（CORS）',
    tooBig: (max) => `文件超过 ${max} 字节的上限（max-bytes）`,
    html: (type) => `服务器返回的是网页（${type}），不是 JSON 数据文件：地址可能有误，或需要登录`,
    noSrc: '没有指定数据文件：请给 <news-chart> 加上 src 属性',
    noDataset: (id) => `数据中没有 id 为 "${id}" 的数据集`,
    wasm: '图表组件加载失败',
    internal: '图表组件内部错误',
    chart: '图表',
    file: '数据文件：',
    table: '表格',
    download: '下载',
    png: 'PNG 图片',
    csv: 'CSV 数据',
    category: '类别',
    hidden: (name) => `已隐藏：${name}`,
    shown: (name) => `已显示：${name}`,
  },
  en: {
    loading: 'Loading chart…',
    downloadFailed: 'the download could not load',
    errorTitle: 'This chart cannot be shown',
    retry: 'Retry',
    illustrative: 'Illustrative data: not reported figures',
    source: 'Source: ',
    fetchFailed: (src, why) => `could not load the data file ${src}: ${why}`,
    httpStatus: (s, t) => `the server answered ${s}${t ? ' ' + t : ''}`,
    timeout: (ms) => `no answer after ${ms / 1000} s, request aborted`,
    network: 'network error or blocked by the browser (CORS)',
    tooBig: (max) => `file larger than the limit of ${max} bytes (max-bytes)`,
    html: (type) => `the server sent a web page (${type}), not a JSON feed: the address may be wrong, or need a login`,
    noSrc: 'no data file given: add a src attribute to <news-chart>',
    noDataset: (id) => `the feed has no dataset with id "${id}"`,
    wasm: 'the chart component failed to load',
    internal: 'internal error in the chart component',
    chart: 'Chart',
    file: 'Data file: ',
    table: 'Table',
    download: 'Download',
    png: 'PNG image',
    csv: 'CSV data',
    category: 'Category',
    hidden: (name) => `hidden: ${name}`,
    shown: (name) => `shown: ${name}`,
  },
};

/** The page's language around `host`, as 'zh' or 'en'. */
export function pageLang(host) {
  const l = (host.closest('[lang]')?.getAttribute('lang') || navigator.language || 'zh').toLowerCase();
  return l.startsWith('zh') ? 'zh' : 'en';
}
