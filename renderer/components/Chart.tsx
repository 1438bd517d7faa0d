import { BarChart, ScatterChart, type BarSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/error-text';
import { saveFile } from '../download';
import { useNotices } from '../stores/notices';
import './Chart.css';

// Charts drawn by Apache ECharts as SVG, importing only the parts used (bars and marks on a grid, a legend, a tooltip): SVG
// stays sharp when printed or pasted into a slide, and is what the chart exports. The canvas renderer draws the PNG.

use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer, CanvasRenderer]);

/** What a screen describes of a chart: its axes and series (the tooltip and the look are the same for all). */
export type ChartOption = Omit<ComposeOption<BarSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption>, 'tooltip'>;

/** Pixels per chart pixel in an exported PNG: sharp on a slide or on paper. */
const PNG_SCALE = 2;

/**
 * What every chart shares. No animation: a chart is read, and exported as drawn. The rich-text tooltip, drawn inside
 * the SVG: ECharts' HTML tooltip writes markup with inline styles, which the app's Content-Security-Policy refuses.
 */
function fullOption(option: ChartOption, fontFamily: string): ComposeOption<TooltipComponentOption> & ChartOption {
  return {
    backgroundColor: '#ffffff',
    animation: false,
    textStyle: { fontFamily },
    // The tooltip does not take the chart's font: without it, Japanese shows as empty boxes where no system font has it.
    tooltip: { trigger: 'axis', renderMode: 'richText', textStyle: { fontFamily } },
    ...option,
  };
}

/**
 * The chart drawn again on a canvas, as PNG. A canvas writes in the page's fonts (the bundled Noto Sans JP), where
 * the SVG drawn as an image could use only the system's, which may have no Japanese.
 */
function pngOf(chart: ECharts, option: ChartOption, fontFamily: string): Promise<Blob> {
  const canvasChart = init(document.createElement('div'), undefined, { renderer: 'canvas', width: chart.getWidth(), height: chart.getHeight() });
  try {
    canvasChart.setOption(fullOption(option, fontFamily));
    const canvas = canvasChart.renderToCanvas({ pixelRatio: PNG_SCALE });
    return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be drawn as PNG'))), 'image/png'));
  } finally {
    canvasChart.dispose();
  }
}

/**
 * A chart with its title, and buttons that save it as SVG or PNG under `fileName` (no extension); `height` in pixels
 * when it is not the usual one (a bar for each of many rows).
 */
export function Chart({ title, option, fileName, height }: { title: string; option: ChartOption; fileName: string; height?: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current as HTMLDivElement;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  // The chart writes in the page's font (the bundled Noto Sans JP first), read from the page rather than repeated.
  const fontFamily = () => getComputedStyle(container.current as HTMLDivElement).fontFamily;

  // Drawn again at a new height (the first drawing reads it from the box).
  useEffect(() => {
    chart.current?.resize();
  }, [height]);

  useEffect(() => {
    chart.current?.setOption(fullOption(option, fontFamily()), { notMerge: true });
  }, [option]);

  const saveSvg = () => {
    if (chart.current) saveFile(new Blob([chart.current.renderToSVGString()], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };
  const savePng = () => {
    if (chart.current)
      pngOf(chart.current, option, fontFamily())
        .then((png) => saveFile(png, `${fileName}.png`))
        .catch((error: unknown) => show('error', t('export.failed', { message: errorText(error) })));
  };

  return (
    <figure className="chart">
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="export-buttons">
          <button type="button" onClick={saveSvg} aria-label={t('export.svg', { title })}>
            SVG
          </button>
          <button type="button" onClick={savePng} aria-label={t('export.png', { title })}>
            PNG
          </button>
        </span>
      </figcaption>
      <div ref={container} className="chart-area" role="img" aria-label={title} style={height === undefined ? undefined : { height }} />
    </figure>
  );
}
