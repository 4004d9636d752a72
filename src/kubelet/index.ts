/** The simulated kubelet: pod workers, images, probes, logs. */
export { kubelet, kubeletState } from "./kubelet";
export { type LogLine, type PodLogOptions, podLogs } from "./logs";
