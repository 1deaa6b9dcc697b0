// Trunk initializer: shows download progress of the app while it loads, and a readable error.
export default function () {
  const status = () => document.getElementById("loading_status");
  return {
    onStart: () => {
      if (status()) status().textContent = "Downloading Alliance Atlas…";
    },
    onProgress: ({ current, total }) => {
      if (!status()) return;
      const mb = (n) => (n / 1048576).toFixed(1);
      status().textContent = total
        ? `Downloading Alliance Atlas… ${Math.round((current / total) * 100)} % (${mb(current)} of ${mb(total)} MB)`
        : `Downloading Alliance Atlas… ${mb(current)} MB`;
    },
    onComplete: () => {
      if (status()) status().textContent = "Starting…";
    },
    onFailure: (error) => {
      const box = document.getElementById("loading_text");
      if (box) box.innerHTML = `<p>Alliance Atlas could not be loaded: ${error}</p><p>Check the connection and reload the page.</p>`;
    },
  };
}
