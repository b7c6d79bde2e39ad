import { Input, type InputProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useDebounced } from '../../lib/useDebounced';

/**
 * A text filter that reports its value once the user pauses typing; a value set from outside
 * (a saved view applied, filters cleared) replaces what is in the box.
 */
export function DebouncedInput(
  props: Omit<InputProps, 'value' | 'onChange'> & {
    value: string;
    onChange: (value: string) => void;
    search?: boolean;
  },
) {
  const { value, onChange, search, ...rest } = props;
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const settled = useDebounced(text, 350);

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const next = settled.trim();
    if (next !== committed.current) {
      committed.current = next;
      onChange(next);
    }
  }, [settled, onChange]);

  const Field = search ? Input.Search : Input;
  return (
    <Field allowClear {...rest} value={text} onChange={(event) => setText(event.target.value)} />
  );
}
