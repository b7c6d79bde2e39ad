import RightOutlined from '@ant-design/icons/es/icons/RightOutlined';
import { Flex, Tag } from 'antd';
import { stageColor } from '../../lib/stageColors';

interface StageLike {
  key: string;
  name: string;
  probability: number;
  terminal: 'won' | 'lost' | null;
}

/** 目标客户 5% → 潜在客户 10% → …: the open stages and won, in order, coloured as on the board. */
export function StageChain({
  stages,
  showProbability,
}: {
  stages: readonly StageLike[];
  showProbability?: boolean;
}) {
  const path = stages.filter((stage) => stage.terminal !== 'lost');
  return (
    <Flex wrap gap={4} align="center">
      {path.map((stage, index) => (
        <Flex key={stage.key} align="center" gap={4}>
          {index > 0 && <RightOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.35)' }} />}
          <Tag color={stageColor(stages, stage.key)} style={{ marginInlineEnd: 0 }}>
            {stage.name}
            {showProbability ? ` ${stage.probability}%` : ''}
          </Tag>
        </Flex>
      ))}
    </Flex>
  );
}
