import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { ParamSlider } from '../../src/ui/ParamSlider';
import { intParam } from '../../src/state/schema';

it('renders a slider bound to its schema range', () => {
  render(
    <ParamSlider
      param={intParam({ min: 1, max: 9, default: 3 })}
      value={3}
      onChange={() => {}}
      label="길이"
    />,
  );
  const slider = screen.getByRole('slider', { name: '길이' });
  expect(slider).toHaveAttribute('max', '9');
});
