export { CommentBox, COMMENT_MAX_LENGTH, type CommentBoxProps } from './CommentBox.tsx';
export { COMMENT_WORDS } from './commentWords.ts';
