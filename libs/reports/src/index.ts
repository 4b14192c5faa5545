export * from './chinese-format';
export * from './work-summary';
export * from './render-markdown';
export * from './render-html';
export * from './render-docx';
export * from './report';
