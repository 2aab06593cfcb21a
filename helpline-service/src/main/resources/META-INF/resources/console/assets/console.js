// Narrows each district list to the districts of the province chosen in the select that points to it with
// data-districts. Without this script the list shows every district grouped by province, and the server checks
// that the district belongs to the province.
(function () {
  "use strict";

  function narrow(provinceSelect, districtSelect, groups) {
    var province = provinceSelect.value;
    var chosen = districtSelect.value;
    while (districtSelect.options.length > 1) {
      districtSelect.remove(1);
    }
    Array.prototype.forEach.call(districtSelect.querySelectorAll("optgroup"), function (group) {
      group.remove();
    });
    groups.forEach(function (group) {
      if (!province || group.getAttribute("data-province") === province) {
        districtSelect.appendChild(group.cloneNode(true));
      }
    });
    districtSelect.value = chosen;
    if (districtSelect.value !== chosen) {
      districtSelect.value = "";
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-districts]"), function (provinceSelect) {
      var districtSelect = document.getElementById(provinceSelect.getAttribute("data-districts"));
      if (!districtSelect) {
        return;
      }
      var groups = Array.prototype.map.call(districtSelect.querySelectorAll("optgroup"), function (group) {
        return group.cloneNode(true);
      });
      provinceSelect.addEventListener("change", function () {
        narrow(provinceSelect, districtSelect, groups);
      });
      narrow(provinceSelect, districtSelect, groups);
    });
  });
})();
